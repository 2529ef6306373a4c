"""The sync feed for mirrors (updated_since + removed), the data version, and the triggers behind them."""
import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from incidents.api.versioning import data_version
from incidents.models import Incident, Status

from .factories import ActorFactory, IncidentActorFactory, IncidentFactory, IncidentSourceFactory, LocationFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/incidents/"
REMOVED_URL = "/api/v1/incidents/removed/"
LONG_AGO = timezone.make_aware(datetime.datetime(2020, 1, 1))


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def age(*incidents):
    """Make the incidents look last changed long ago, and their history too."""
    pks = [incident.pk for incident in incidents]
    Incident.objects.filter(pk__in=pks).update(updated_at=LONG_AGO)
    Incident.history.filter(id__in=pks).update(history_date=LONG_AGO)


def changed_ids(api, since):
    response = api.get(LIST_URL, {"updated_since": since.isoformat(), "ordering": "updated"})
    assert response.status_code == 200
    return [feature["id"] for feature in response.json()["features"]]


def removed_ids(api, since):
    response = api.get(REMOVED_URL, {"since": since.isoformat()})
    assert response.status_code == 200
    return [row["id"] for row in response.json()["removed"]]


@pytest.fixture
def since():
    return LONG_AGO + datetime.timedelta(days=1)


def test_publishing_shows_in_the_changes_not_the_removals(api, since):
    draft = IncidentFactory(status=Status.DRAFT)
    unchanged = IncidentFactory()
    age(draft, unchanged)

    draft.status = Status.PUBLISHED
    draft.save()

    assert changed_ids(api, since) == [draft.pk]
    assert removed_ids(api, since) == []


def test_an_edit_shows_in_the_changes(api, since):
    edited, unchanged = IncidentFactory(), IncidentFactory()
    age(edited, unchanged)

    edited.killed_best = 4
    edited.save()

    assert changed_ids(api, since) == [edited.pk]


def test_new_evidence_or_actors_by_any_path_mark_the_incident_changed(api, since):
    with_evidence, with_actor, unchanged = IncidentFactory(), IncidentFactory(), IncidentFactory()
    age(with_evidence, with_actor, unchanged)

    IncidentSourceFactory(incident=with_evidence)
    IncidentActorFactory(incident=with_actor, actor=ActorFactory())

    assert sorted(changed_ids(api, since)) == sorted([with_evidence.pk, with_actor.pk])


def test_unpublishing_and_deleting_show_in_the_removals(api, since):
    unpublished, deleted, kept = IncidentFactory(), IncidentFactory(), IncidentFactory()
    age(unpublished, deleted, kept)

    unpublished.status = Status.DRAFT
    unpublished.save()
    deleted_pk = deleted.pk
    deleted.delete()

    response = api.get(REMOVED_URL, {"since": since.isoformat()})
    assert [row["id"] for row in response.json()["removed"]] == sorted([unpublished.pk, deleted_pk])
    assert all(datetime.datetime.fromisoformat(row["removed_at"]) > since for row in response.json()["removed"])
    assert changed_ids(api, since) == []


def test_removals_before_since_are_not_listed(api, since):
    incident = IncidentFactory()
    pk = incident.pk
    incident.delete()
    Incident.history.filter(id=pk).update(history_date=LONG_AGO)

    assert removed_ids(api, since) == []


def test_a_draft_that_was_never_published_is_never_listed_as_removed(api, since):
    draft = IncidentFactory(status=Status.DRAFT, title="Never public")
    draft.title = "Still not public"
    draft.save()
    draft.delete()

    assert removed_ids(api, since) == []


def test_an_incident_published_again_is_a_change_not_a_removal(api, since):
    incident = IncidentFactory()
    age(incident)
    incident.status = Status.DRAFT
    incident.save()
    incident.status = Status.PUBLISHED
    incident.save()

    assert removed_ids(api, since) == []
    assert changed_ids(api, since) == [incident.pk]


@pytest.mark.parametrize("value", [None, "yesterday", "2024-13-01T00:00:00Z", "2024-01-01T10:00:00+5"])
def test_removed_needs_a_well_formed_since(api, value):
    response = api.get(REMOVED_URL, {} if value is None else {"since": value})

    assert response.status_code == 400
    assert list(response.json()) == ["since"]


def test_updated_since_takes_an_offset_and_reads_no_offset_as_utc(api):
    incident = IncidentFactory()
    moment = timezone.make_aware(datetime.datetime(2024, 3, 1, 12, 0), datetime.timezone.utc)
    Incident.objects.filter(pk=incident.pk).update(updated_at=moment)

    def listed(value):
        return [feature["id"] for feature in api.get(LIST_URL, {"updated_since": value}).json()["features"]]

    assert listed("2024-03-01T12:00:00Z") == [incident.pk]
    assert listed("2024-03-01T12:00:00") == [incident.pk]
    assert listed("2024-03-01T12:00:01") == []
    assert listed("2024-03-01T14:00:00+03:00") == [incident.pk]
    assert listed("2024-03-01T15:30:00+03:00") == []


# --- The data version and the cached count ------------------------------------------------------


def test_the_data_version_changes_with_every_write_the_api_shows(db):
    incident = IncidentFactory()
    versions = [data_version()]

    incident.killed_best = 3
    incident.save()
    versions.append(data_version())
    IncidentActorFactory(incident=incident)
    versions.append(data_version())
    location = LocationFactory()
    versions.append(data_version())
    location.name_en = "Renamed"
    location.save()
    versions.append(data_version())

    assert len(set(versions)) == len(versions)
    assert data_version() == versions[-1]


def test_the_count_follows_new_incidents_and_unpublishing(api):
    first = IncidentFactory()
    assert api.get(LIST_URL).json()["count"] == 1

    IncidentFactory()
    assert api.get(LIST_URL).json()["count"] == 2

    first.status = Status.DRAFT
    first.save()
    assert api.get(LIST_URL).json()["count"] == 1


def test_the_removed_feed_is_in_the_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    operation = schema["paths"]["/api/v1/incidents/removed/"]["get"]
    assert [parameter["name"] for parameter in operation["parameters"] if parameter["name"] != "format"] == ["since"]
    assert set(operation["responses"]) == {"200", "400", "404", "429"}
