from django.urls import path

from mizan.accountability import views

app_name = "accountability"
urlpatterns = [
    path("", views.submission_list, name="submission_list"),
    # Public site: only what is marked public, with its public summary.
    path("public/", views.public, name="public"),
    path("submissions/new/", views.submission_new, name="submission_new"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("submissions/<int:pk>/edit/", views.submission_edit, name="submission_edit"),
    path("submissions/<int:pk>/status/", views.status_add, name="status_add"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/new/", views.agreement_new, name="agreement_new"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("overview/", views.overview, name="overview"),
    path("overview.csv", views.overview_csv, name="overview_csv"),
    path("case-files/<int:pk>/", views.case_file_timeline, name="case_file_timeline"),
    path("proceedings/", views.proceeding_list, name="proceeding_list"),
    path("proceedings/new/", views.proceeding_new, name="proceeding_new"),
    path("proceedings/<int:pk>/", views.proceeding_detail, name="proceeding_detail"),
    path("proceedings/<int:pk>/edit/", views.proceeding_edit, name="proceeding_edit"),
    path("proceedings/<int:pk>/hearings/new/", views.hearing_add, name="hearing_add"),
    path("proceedings/<int:pk>/decisions/new/", views.decision_add, name="decision_add"),
    path("proceedings/<int:pk>/report/", views.report, name="report"),
]
