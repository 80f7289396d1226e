from django.urls import path

from mizan.activities import views

app_name = "activities"
urlpatterns = [
    # Public site: the record of completed work (published public activities only).
    path("", views.public_list, name="public_list"),
    # Staff pages: through the permission layer.
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/new/", views.create, name="create"),
    path("staff/report/", views.report, name="report"),
    path("staff/<int:pk>/", views.detail, name="detail"),
    path("staff/<int:pk>/edit/", views.edit, name="edit"),
    path("staff/<int:pk>/counts/", views.counts, name="counts"),
    path("staff/<int:pk>/participants/new/", views.participant_add, name="participant_add"),
    path(
        "staff/<int:pk>/participants/<int:participant_pk>/remove/",
        views.participant_remove,
        name="participant_remove",
    ),
    path("staff/<int:pk>/sheet/", views.sheet_add, name="sheet_add"),
    path("staff/<int:pk>/outputs/new/", views.output_add, name="output_add"),
    path("staff/<int:pk>/follow-ups/new/", views.follow_up_add, name="follow_up_add"),
    path(
        "staff/<int:pk>/follow-ups/<int:follow_up_pk>/done/",
        views.follow_up_done,
        name="follow_up_done",
    ),
    path("staff/<int:pk>/publish/", views.publish, name="publish"),
]
