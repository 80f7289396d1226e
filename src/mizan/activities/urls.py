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
    path("staff/projects/", views.project_list, name="project_list"),
    path("staff/projects/new/", views.project_new, name="project_new"),
    path("staff/projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("staff/projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("staff/projects/<int:pk>/indicators/new/", views.indicator_add, name="indicator_add"),
    path(
        "staff/projects/<int:pk>/indicators/<int:indicator_pk>/edit/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "staff/projects/<int:pk>/indicators/<int:indicator_pk>/remove/",
        views.indicator_remove,
        name="indicator_remove",
    ),
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
