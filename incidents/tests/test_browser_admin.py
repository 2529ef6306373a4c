"""The admin's map widgets in a real browser: the point is drawn over the offline outline of the region."""
import pytest

from .factories import IncidentFactory
from .test_browser_import import signed_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("model", ["incident", "location"])
def test_map_widget_draws_the_offline_outline_beneath_the_point(open_page, model, language):
    incident = IncidentFactory()
    obj = incident if model == "incident" else incident.location
    page = signed_in(open_page, f"/admin/incidents/{model}/{obj.pk}/change/", language=language)

    outline = page.locator("#id_point-map .leaflet-basemap-pane path")
    outline.first.wait_for(state="attached")
    assert outline.count() > 5  # Iraq, Syria and their neighbours
    assert page.locator("#id_point-map .leaflet-marker-icon").count() == 1
    assert page.js_errors == []
    assert all("basemap" not in url for url in page.blocked_requests)
