"""Version 1 of the public API, mounted at /api/v1/."""
from rest_framework.routers import DefaultRouter

from . import resources, views

app_name = "api"

router = DefaultRouter()
router.register("incidents", views.IncidentViewSet, basename="incident")
router.register("actors", resources.ActorViewSet, basename="actor")
router.register("locations", resources.LocationViewSet, basename="location")
router.register("statements", resources.StatementViewSet, basename="statement")
router.register("sources", resources.SourceViewSet, basename="source")

urlpatterns = router.urls
