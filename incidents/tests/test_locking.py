"""Edit conflicts: two editors who opened the same incident, in the admin and through the API. The first
save wins; the second is refused with who changed what since, and nothing of it is saved."""
import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from incidents import locking
from incidents.models import Incident, Status

from .factories import IncidentFactory, IncidentSourceFactory, SuperUserFactory
from .test_admin import change_form_post_data

pytestmark = pytest.mark.django_db(transaction=True)


def editor(username):
    client = Client()
    client.force_login(SuperUserFactory(username=username))
    return client


def test_the_version_moves_on_with_every_write_whoever_makes_it():
    incident = IncidentFactory()
    first = locking.current_state(incident.pk)[0]
    incident.title = "Renamed"
    incident.save()
    Incident.objects.filter(pk=incident.pk).update(killed_best=3)
    IncidentSourceFactory(incident=incident)  # the evidence trigger touches the incident
    assert locking.current_state(incident.pk)[0] == first + 3


def test_the_second_editor_to_save_in_the_admin_is_told_what_changed_and_saves_nothing():
    incident = IncidentFactory(title="Rockets on Ain al-Asad", killed_best=0)
    change_url = reverse("admin:incidents_incident_change", args=[incident.pk])
    amina, bilal = editor("amina"), editor("bilal")
    amina_data = change_form_post_data(amina.get(change_url))
    bilal_data = change_form_post_data(bilal.get(change_url))

    amina_data["killed_best"] = "2"
    assert amina.post(change_url, amina_data).status_code == 302
    bilal_data["title"] = "Drone on Ain al-Asad"
    response = bilal.post(change_url, bilal_data)

    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "amina" in message and "killed (best)" in message and "Open the incident again" in message
    incident.refresh_from_db()
    assert (incident.title, incident.killed_best) == ("Rockets on Ain al-Asad", 2)
    # In Arabic, the same refusal.
    arabic = bilal.post(change_url, bilal_data, HTTP_ACCEPT_LANGUAGE="ar")
    message = " ".join(arabic.context["adminform"].form.non_field_errors())
    assert "amina" in message and "افتح الحادثة من جديد" in message

    # Opened again, the form holds the new version: bilal's change goes through.
    bilal_data = change_form_post_data(bilal.get(change_url))
    bilal_data["title"] = "Drone on Ain al-Asad"
    assert bilal.post(change_url, bilal_data).status_code == 302
    incident.refresh_from_db()
    assert (incident.title, incident.killed_best) == ("Drone on Ain al-Asad", 2)


@pytest.fixture
def api_editor():
    client = APIClient()
    client.force_authenticate(SuperUserFactory(username="api-editor"))
    return client


def test_the_api_refuses_a_write_naming_an_older_etag_with_412(api_editor):
    incident = IncidentFactory(status=Status.PUBLISHED, killed_best=0)
    detail = f"/api/v1/incidents/{incident.pk}/"
    etag = APIClient().get(detail)["ETag"]
    assert locking.parse_etag(etag) is not None

    first = api_editor.patch(detail, {"killed_best": 1}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200, first.content
    assert first["ETag"] != etag
    stale = api_editor.patch(detail, {"title": "Too late"}, format="json", HTTP_IF_MATCH=etag)

    assert stale.status_code == 412
    assert stale["Content-Type"] == "application/json"
    assert "api-editor" in stale.json()["detail"] and stale["ETag"] == first["ETag"]
    assert api_editor.delete(detail, HTTP_IF_MATCH=etag).status_code == 412
    incident.refresh_from_db()
    assert incident.killed_best == 1 and incident.title != "Too late"

    assert api_editor.patch(detail, {"title": "In time"}, format="json", HTTP_IF_MATCH=first["ETag"]).status_code == 200
    assert api_editor.patch(detail, {"title": "No precondition"}, format="json").status_code == 200
    unparseable = api_editor.patch(detail, {"title": "x"}, format="json", HTTP_IF_MATCH="not an etag")
    assert unparseable.status_code == 412
    assert "If-Match" in unparseable.json()["detail"] and unparseable["ETag"] == locking.etag(incident.pk)
