from django.urls import path

from . import views

app_name = "incidents"
urlpatterns = [
    path("", views.MapView.as_view(), name="map"),
    path("incidents/<int:pk>/", views.IncidentDetailView.as_view(), name="incident-detail"),
]
