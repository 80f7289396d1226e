from django.urls import path

from mizan.cases import views

app_name = "cases"
urlpatterns = [
    path("incidents/", views.incident_list, name="incident_list"),
    path("incidents/new/", views.incident_create, name="incident_create"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/edit/", views.incident_edit, name="incident_edit"),
    path("incidents/<int:pk>/acts/new/", views.incident_act_add, name="incident_act_add"),
    path("acts/<int:pk>/edit/", views.act_edit, name="act_edit"),
    path("acts/<int:pk>/remove/", views.act_remove, name="act_remove"),
    path(
        "incidents/<int:pk>/perpetrators/new/",
        views.incident_perpetrator_add,
        name="incident_perpetrator_add",
    ),
    path("involvements/<int:pk>/remove/", views.involvement_remove, name="involvement_remove"),
    path("incidents/<int:pk>/sources/new/", views.incident_source_add, name="incident_source_add"),
    path("incidents/<int:pk>/sources/<int:source_pk>/edit/", views.source_edit, name="source_edit"),
    path(
        "incidents/<int:pk>/sources/<int:source_pk>/remove/",
        views.source_remove,
        name="source_remove",
    ),
    path("persons/", views.person_list, name="person_list"),
    path("persons/suggest/", views.person_suggest, name="person_suggest"),
    path("persons/<int:pk>/", views.person_detail, name="person_detail"),
    path("persons/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("export/<str:kind>.<str:fmt>", views.export, name="export"),
    path("statistics/", views.statistics, name="statistics"),
    path("acts/<int:pk>/submission/<str:kind>.pdf", views.submission, name="submission"),
    path("persons/<int:pk>/consent/", views.consent_add, name="consent_add"),
    path("files/", views.case_file_list, name="case_file_list"),
    path("files/new/", views.case_file_create, name="case_file_create"),
    path("files/<int:pk>/", views.case_file_detail, name="case_file_detail"),
    path("files/<int:pk>/edit/", views.case_file_edit, name="case_file_edit"),
    path(
        "files/<int:pk>/<str:relation>/<str:verb>/",
        views.case_file_contents,
        name="case_file_contents",
    ),
]
