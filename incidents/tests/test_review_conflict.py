"""Edit conflicts on the import review page: merging a proposal into a stored incident that another editor
saved after the page was opened is refused, with who changed what since, and nothing is written."""
import datetime

import pytest
from django.test import Client
from django.urls import reverse

from incidents.models import ImportDraft, ImportDraftStatus, Incident, Source

from .factories import IncidentFactory, SuperUserFactory
from .test_admin import change_form_post_data
from .test_admin_import import actors, draft, page_data, places, review_url  # noqa: F401 -- fixtures

pytestmark = pytest.mark.django_db


def editor(username):
    client = Client()
    client.force_login(SuperUserFactory(username=username))
    return client


def test_a_merge_into_an_incident_saved_since_the_review_page_opened_is_refused(draft, places):  # noqa: F811
    embassy, _airport = places
    day = datetime.date(2023, 12, 8)
    stored = IncidentFactory(location=embassy, point=embassy.point, date_start=day, killed_best=1)
    amina, bilal = editor("amina"), editor("bilal")
    data = page_data(amina, draft)  # amina opens the review page
    assert data[f"incident-0-opened_{stored.pk}"]  # the version she saw goes with the form
    data["incident-0-decision"] = str(stored.pk)

    # bilal, in his own session, saves the stored incident in the admin.
    change_url = reverse("admin:incidents_incident_change", args=[stored.pk])
    bilal_data = change_form_post_data(bilal.get(change_url))
    bilal_data["killed_best"] = "4"
    assert bilal.post(change_url, bilal_data).status_code == 302

    response = amina.post(review_url(draft), data)
    assert response.status_code == 200
    message = " ".join(response.context["review"].errors)
    assert message.startswith("Nothing was written:") and f"Incident {stored.pk}:" in message
    assert "bilal" in message and "killed (best)" in message and "Open the incident again" in message
    # Nothing of the import was written: the draft still waits, no source, no new evidence.
    assert ImportDraft.objects.get(pk=draft.pk).status == ImportDraftStatus.PENDING
    assert not Source.objects.exists() and stored.incident_sources.count() == 0
    assert Incident.objects.get(pk=stored.pk).killed_best == 4

    # In Arabic, the same refusal.
    amina.cookies["django_language"] = "ar"
    arabic = amina.post(review_url(draft), data)
    message = " ".join(arabic.context["review"].errors)
    assert "bilal" in message and "افتح الحادثة من جديد" in message and "لم يُكتب شيء" in message

    # The page shown again holds the incident as it is now: confirming from it merges.
    amina.cookies["django_language"] = "en"
    shown = arabic.context["review"].incidents[0].form
    data[f"incident-0-opened_{stored.pk}"] = shown[f"opened_{stored.pk}"].value()
    assert amina.post(review_url(draft), data).status_code == 302
    assert stored.incident_sources.count() == 1 and Incident.objects.count() == 1


def test_a_merge_with_no_change_since_goes_through(draft, places):  # noqa: F811 -- the fixtures imported above
    embassy, _airport = places
    stored = IncidentFactory(location=embassy, point=embassy.point, date_start=datetime.date(2023, 12, 8))
    amina = editor("amina")
    data = page_data(amina, draft)
    data["incident-0-decision"] = str(stored.pk)
    assert amina.post(review_url(draft), data).status_code == 302
    assert stored.incident_sources.count() == 1
