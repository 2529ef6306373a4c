"""Version 1 of the public API, mounted at /api/v1/."""
from django.urls import path
from rest_framework.routers import DefaultRouter

from . import aggregates, resources, tiles, views

app_name = "api"

router = DefaultRouter()
router.register("incidents", views.IncidentViewSet, basename="incident")
router.register("actors", resources.ActorViewSet, basename="actor")
router.register("locations", resources.LocationViewSet, basename="location")
router.register("statements", resources.StatementViewSet, basename="statement")
router.register("sources", resources.SourceViewSet, basename="source")

# Before the router's routes, so that incidents/timeline/ and the like never reach the detail route.
urlpatterns = [
    path("incidents/timeline/", aggregates.TimelineView.as_view(), name="incident-timeline"),
    path("incidents/summary/", aggregates.SummaryView.as_view(), name="incident-summary"),
    path("incidents/grid/", aggregates.GridView.as_view(), name="incident-grid"),
    path("tiles/incidents/<int:z>/<int:x>/<int:y>.mvt", tiles.IncidentTileView.as_view(), name="incident-tiles"),
    *router.urls,
]
