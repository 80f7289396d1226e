from django.urls import path

from mizan.testimonies import views

app_name = "testimonies"
urlpatterns = [
    # Public site: published narratives only.
    path("", views.public_list, name="public_list"),
    path("collections/<slug:slug>/", views.public_collection, name="public_collection"),
    path("<int:pk>/", views.public_detail, name="public_detail"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    # Staff pages: through the permission layer.
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/new/", views.create, name="create"),
    path("staff/search/", views.search, name="search"),
    path("staff/<int:pk>/", views.detail, name="detail"),
    path("staff/<int:pk>/edit/", views.edit, name="edit"),
    path("staff/<int:pk>/persons/new/", views.person_add, name="person_add"),
    path("staff/<int:pk>/persons/link/", views.person_link, name="person_link"),
    path("staff/<int:pk>/originals/new/", views.original_add, name="original_add"),
    path("staff/<int:pk>/recording", views.recording, name="recording"),
    path("staff/<int:pk>/consent/new/", views.consent_add, name="consent_add"),
    path(
        "staff/<int:pk>/consent/<int:consent_pk>/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("staff/<int:pk>/transcripts/new/", views.transcript_import, name="transcript_import"),
    path("staff/<int:pk>/transcripts/<slug:language>/", views.transcript, name="transcript"),
    path(
        "staff/<int:pk>/transcripts/<slug:language>/excerpt/",
        views.excerpt_create,
        name="excerpt_create",
    ),
    path(
        "staff/<int:pk>/transcripts/<slug:language>.<slug:fmt>",
        views.transcript_export,
        name="transcript_export",
    ),
    path("staff/<int:pk>/segments/<int:segment_pk>/", views.segment_edit, name="segment_edit"),
    path("staff/<int:pk>/case-files/", views.case_file_add, name="case_file_add"),
    path(
        "case-files/<int:pk>/<str:verb>/",
        views.case_file_testimonies,
        name="case_file_testimonies",
    ),
    path("staff/<int:pk>/statement.pdf", views.statement, name="statement"),
    path("staff/<int:pk>/publish/", views.publish, name="publish"),
    path("staff/<int:pk>/unpublish/", views.unpublish, name="unpublish"),
]
