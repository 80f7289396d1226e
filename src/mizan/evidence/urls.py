from django.urls import path

from mizan.evidence import views

app_name = "evidence"
urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("upload/", views.upload_page, name="upload"),
    path("uploads/", views.upload_start, name="upload_start"),
    path("uploads/<str:token>/", views.upload_chunk, name="upload_chunk"),
    path("uploads/<str:token>/complete/", views.upload_complete, name="upload_complete"),
    path("items/<str:reference>/", views.item_detail, name="item_detail"),
    path("items/<str:reference>/content", views.item_content, name="item_content"),
    path("items/<str:reference>/download", views.item_download, name="item_download"),
    path("items/<str:reference>/verify/", views.item_verify, name="item_verify"),
    path("items/<str:reference>/note/", views.item_annotate, name="item_annotate"),
    path("items/<str:reference>/edit/", views.item_edit, name="item_edit"),
    path("case-files/<int:pk>/<str:verb>/", views.case_file_items, name="case_file_items"),
    path("handovers/", views.handover_list, name="handover_list"),
    path("handovers/<str:reference>.tar", views.handover_download, name="handover_download"),
]
