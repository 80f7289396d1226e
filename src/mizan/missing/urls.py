from django.urls import path

from mizan.missing import views

app_name = "missing"
urlpatterns = [
    path("", views.registry_list, name="registry_list"),
    path("export.csv", views.registry_export, name="registry_export"),
    path("new/", views.file_create, name="file_create"),
    path("<int:pk>/", views.file_detail, name="file_detail"),
    path("<int:pk>/edit/", views.file_edit, name="file_edit"),
    path("<int:pk>/status/", views.status_add, name="status_add"),
    path("<int:pk>/relatives/new/", views.relative_add, name="relative_add"),
    path("<int:pk>/relatives/<int:relative_pk>/edit/", views.relative_edit, name="relative_edit"),
    path("<int:pk>/reports/new/", views.report_add, name="report_add"),
    path("<int:pk>/contacts/new/", views.contact_add, name="contact_add"),
    path("lists/", views.list_list, name="list_list"),
    path("lists/new/", views.list_create, name="list_create"),
    path("lists/<int:pk>/", views.list_detail, name="list_detail"),
    path("lists/<int:pk>/import/", views.list_import, name="list_import"),
    path("lists/<int:pk>/records/<int:record_pk>/", views.record_detail, name="record_detail"),
    path("imports/<int:pk>/", views.job_detail, name="job_detail"),
    path("imports/<int:pk>/confirm/", views.job_confirm, name="job_confirm"),
    path("overview/", views.overview, name="overview"),
    path("graves/", views.grave_list, name="grave_list"),
    path("matching/", views.match_run_start, name="match_run_start"),
    path("matching/<int:pk>/", views.match_run_detail, name="match_run_detail"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/", views.review_queue, name="review_pair"),
    path("review/<int:pk>/decide/", views.pair_decide, name="pair_decide"),
    path("<int:pk>/sources/", views.file_sources, name="file_sources"),
    path("<int:pk>/sources/<int:record_pk>/detach/", views.record_detach, name="record_detach"),
    path("<int:pk>/sources/merges/<int:change_pk>/undo/", views.merge_undo, name="merge_undo"),
]
