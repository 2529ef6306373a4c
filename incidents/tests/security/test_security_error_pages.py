"""Error pages say what happened in the reader's language, and nothing about the server."""
import pytest
from django.template import Context, Engine
from django.test import Client
from django.utils import translation

from incidents.views import MapView

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "direction", "title"), [("en", "ltr", "Server error"), ("ar", "rtl", "خطأ في الخادم")]
)
def test_500_page_renders_with_the_empty_context_django_gives_it(language, direction, title):
    # django.views.defaults.server_error renders 500.html with an empty Context: no request, no processors.
    template = Engine.get_default().get_template("500.html")
    with translation.override(language):
        html = template.render(Context())
    assert f'lang="{language}" dir="{direction}"' in html
    assert title in html


@pytest.mark.parametrize(
    ("language", "direction", "title"), [("en", "ltr", "Server error"), ("ar", "rtl", "خطأ في الخادم")]
)
def test_an_error_in_a_page_shows_the_500_page_without_details(monkeypatch, language, direction, title):
    def fail(self, request, *args, **kwargs):
        raise RuntimeError("postgis://marsad:hunter2@db/marsad")

    monkeypatch.setattr(MapView, "get", fail)

    response = Client(raise_request_exception=False).get("/", HTTP_ACCEPT_LANGUAGE=language)

    html = response.content.decode()
    assert response.status_code == 500
    assert f'dir="{direction}"' in html
    assert title in html
    assert "hunter2" not in html


@pytest.mark.parametrize(
    ("language", "direction", "title"), [("en", "ltr", "Page not found"), ("ar", "rtl", "الصفحة غير موجودة")]
)
def test_404_page_in_the_readers_language(client, language, direction, title):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 404
    assert f'dir="{direction}"' in response.content.decode()
    assert title in response.content.decode()
