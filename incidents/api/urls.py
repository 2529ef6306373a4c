"""Version 1 of the public API, mounted at /api/v1/."""
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter()
router.register("incidents", views.IncidentViewSet, basename="incident")

urlpatterns = router.urls
