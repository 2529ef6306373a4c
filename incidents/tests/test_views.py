import json
import re

import pytest
from django.templatetags.static import static
from django.utils import translation

from incidents import taxonomy, taxonomy_messages
from incidents.labels import incident_page_labels, map_page_labels, public_labels
from incidents.models import Status

from .factories import IncidentFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Rockets hit the base at dawn"
SECRET_TITLE_AR = "صواريخ على القاعدة فجراً"


def labels_in(response):
    """Return the labels the page hands its JavaScript."""
    html = response.content.decode()
    start = html.index('<script id="marsad-labels" type="application/json">') + len(
        '<script id="marsad-labels" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_map_page_renders_the_map_and_no_incident_data(client):
    IncidentFactory(title=SECRET_TITLE, title_ar=SECRET_TITLE_AR)

    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="incident-map"' in html
    assert 'data-api-url="/api/v1/incidents/"' in html
    assert 'data-grid-url="/api/v1/incidents/grid/"' in html
    assert static("incidents/timeline.js") in html
    assert static("incidents/basemap/countries.geojson") in html
    assert SECRET_TITLE not in html
    assert SECRET_TITLE_AR not in html


def test_map_page_loads_nothing_from_other_sites(client):
    html = client.get("/").content.decode()

    addresses = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert addresses
    assert [address for address in addresses if "//" in address] == []


def test_map_page_is_english_and_left_to_right_by_default(client):
    html = client.get("/").content.decode()

    assert '<html lang="en" dir="ltr">' in html
    assert "Incidents" in html


def test_map_page_in_arabic_is_right_to_left_and_translated(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")

    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الحوادث" in html
    assert "مرصد" in html
    assert labels_in(response)["ui"]["killed"] == "القتلى"
    assert labels_in(response)["event_type"]["Explosions/Remote violence"] == "انفجارات/عنف عن بُعد"


def test_map_page_follows_the_language_its_address_names_and_keeps_it(client):
    response = client.get("/?lang=ar&event_type=Battles", HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert response.cookies["django_language"].value == "ar"
    assert '<html lang="ar" dir="rtl">' in client.get("/incidents/0/").content.decode()  # the 404 page too


def test_map_page_ignores_a_language_it_does_not_have(client):
    response = client.get("/?lang=xx", HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="en" dir="ltr">' in response.content.decode()
    assert "django_language" not in response.cookies


def test_language_switcher_sets_arabic_for_the_next_pages(client):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert '<html lang="ar" dir="rtl">' in client.get("/").content.decode()


def test_language_switcher_offers_both_languages(client):
    html = client.get("/").content.decode()

    assert 'action="/i18n/setlang/"' in html
    assert 'name="language" value="ar"' in html
    assert 'name="language" value="en"' in html
    assert "csrfmiddlewaretoken" in html


def test_incident_page_renders_no_incident_data(client, django_assert_num_queries):
    incident = IncidentFactory(title=SECRET_TITLE, title_ar=SECRET_TITLE_AR)

    with django_assert_num_queries(1):  # only the existence check
        response = client.get(f"/incidents/{incident.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-api-url="/api/v1/incidents/{incident.pk}/"' in html
    assert SECRET_TITLE not in html
    assert SECRET_TITLE_AR not in html


def test_incident_page_of_a_draft_is_not_found(client):
    draft = IncidentFactory(status=Status.DRAFT)

    response = client.get(f"/incidents/{draft.pk}/")

    assert response.status_code == 404
    assert "There is no published page at this address." in response.content.decode()


def test_incident_page_of_an_unknown_id_is_not_found(client):
    assert client.get("/incidents/987654/").status_code == 404


@pytest.mark.parametrize("labels", [public_labels, incident_page_labels, map_page_labels])
def test_every_label_has_an_arabic_translation(labels):
    english = labels()
    with translation.override("ar"):
        arabic = labels()

    untranslated = [
        (kind, key)
        for kind, vocabulary in english.items()
        for key, text in vocabulary.items()
        if arabic[kind][key] == text
    ]
    assert untranslated == []


def test_taxonomy_messages_list_every_acled_type():
    assert set(taxonomy_messages.EVENT_TYPE_MESSAGES) == set(taxonomy.EVENT_TYPES)
    assert set(taxonomy_messages.SUB_EVENT_TYPE_MESSAGES) == {sub for _, sub in taxonomy.VALID_PAIRS}
