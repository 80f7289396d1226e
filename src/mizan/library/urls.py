from django.urls import path

from mizan.library import views

app_name = "library"
urlpatterns = [
    # Public site: no sign-in, public documents only.
    path("", views.public_search, name="public_search"),
    path("publications/", views.public_publications, name="public_publications"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("<int:pk>/", views.public_detail, name="public_detail"),
    path("<int:pk>/files/<int:version_pk>/", views.public_file, name="public_file"),
    # Staff pages: through the permission layer.
    path("staff/", views.staff_search, name="staff_search"),
    path("staff/upload/", views.upload, name="upload"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("staff/<int:pk>/relations/new/", views.relation_add, name="relation_add"),
    path(
        "staff/<int:pk>/relations/<int:relation_pk>/remove/",
        views.relation_remove,
        name="relation_remove",
    ),
    path("staff/<int:pk>/progress/", views.staff_progress, name="staff_progress"),
    path("staff/<int:pk>/files/new/", views.version_add, name="version_add"),
    path("staff/<int:pk>/files/<int:version_pk>/", views.staff_file, name="staff_file"),
]
