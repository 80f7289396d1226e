from django.urls import path

from mizan.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("sites/", views.SiteListView.as_view(), name="site_list"),
    path("sites/new/", views.site_create, name="site_create"),
    path("sites/<int:pk>/", views.SiteDetailView.as_view(), name="site_detail"),
    path("sites/<int:pk>/edit/", views.site_edit, name="site_edit"),
    path("places/", views.place_list, name="place_list"),
    path("places/<str:code>/", views.place_detail, name="place_detail"),
    path("help/", views.help_page, name="help"),
    path("audit/", views.audit_list, name="audit_list"),
    path("audit/export.csv", views.audit_export, name="audit_export"),
    path("audit/checkpoint.json", views.audit_checkpoint, name="audit_checkpoint"),
]
