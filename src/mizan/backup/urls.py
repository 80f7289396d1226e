from django.urls import path

from mizan.backup import views

app_name = "backup"
urlpatterns = [path("health/", views.health, name="health")]
