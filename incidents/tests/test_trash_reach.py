"""The trash and merges reach the incidents that link to the row: mirrors see them changed (updated_since, the
data version, the facts), their search text drops a trashed source's excerpts, and the admin's search does not
find them by the name of an actor in the trash (migration 0015, IncidentAdmin.get_search_results)."""
import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from incidents import merging, trash
from incidents.api.versioning import data_version
from incidents.models import Incident, IncidentFact

from .factories import ActorFactory, IncidentActorFactory, IncidentSourceFactory, SourceFactory, SuperUserFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/incidents/"
LONG_AGO = timezone.make_aware(datetime.datetime(2020, 1, 1))
SINCE = LONG_AGO + datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def age(*incidents):
    Incident.objects.filter(pk__in=[incident.pk for incident in incidents]).update(updated_at=LONG_AGO)
    cache.clear()


def changed_ids():
    response = APIClient().get(LIST_URL, {"updated_since": SINCE.isoformat(), "ordering": "updated"})
    assert response.status_code == 200
    return [feature["id"] for feature in response.json()["features"]]


def found(word):
    cache.clear()
    response = APIClient().get(LIST_URL, {"q": word})
    assert response.status_code == 200
    return [feature["id"] for feature in response.json()["features"]]


def test_deleting_and_restoring_an_actor_or_a_source_moves_the_incidents_updated_at():
    linked_by_actor = IncidentActorFactory().incident
    linked_by_source = IncidentSourceFactory().incident
    other = IncidentActorFactory().incident
    actor = linked_by_actor.incident_actors.get().actor
    source = linked_by_source.incident_sources.get().source

    for row, incident in ((actor, linked_by_actor), (source, linked_by_source)):
        for step in (trash.soft_delete, trash.restore):
            age(linked_by_actor, linked_by_source, other)
            version = data_version()
            step(row)
            assert changed_ids() == [incident.pk], (row, step)
            assert data_version() != version
            # The facts follow the incident row (migration 0010's trigger): still there, with its search text.
            fact = IncidentFact.objects.get(incident_id=incident.pk)
            assert fact.search_text == Incident.objects.get(pk=incident.pk).search_text


def test_merging_an_actor_and_undoing_it_moves_the_incidents_updated_at():
    merged_link = IncidentActorFactory()
    kept = ActorFactory()
    other = IncidentActorFactory().incident
    incident = merged_link.incident

    age(incident, other)
    record = merging.merge(kept=kept, merged=merged_link.actor)
    assert changed_ids() == [incident.pk]

    age(incident, other)
    merging.undo(record=record)
    assert changed_ids() == [incident.pk]


def test_a_source_in_the_trash_leaves_the_incidents_search_text_and_comes_back_with_it():
    source = SourceFactory(text="Witnesses said the Qaiyarah airfield was shelled at dawn by unknown gunmen.")
    link = IncidentSourceFactory(source=source, start_offset=0, end_offset=45, excerpt=source.text[:45])
    incident = link.incident
    assert found("qaiyarah") == [incident.pk]

    trash.soft_delete(source)
    assert found("qaiyarah") == []
    assert "qaiyarah" not in Incident.objects.get(pk=incident.pk).search_text
    assert found(incident.title) == [incident.pk]  # the incident itself is still published and searchable

    trash.restore(source)
    assert found("qaiyarah") == [incident.pk]


def test_the_admin_search_by_actor_name_leaves_out_actors_in_the_trash():
    client = Client()
    client.force_login(SuperUserFactory(username="root"))
    link = IncidentActorFactory(actor=ActorFactory(name_en="Saraya Zulfiqar", name_ar="سرايا ذو الفقار"))
    changelist = reverse("admin:incidents_incident_changelist")

    def results(term):
        response = client.get(changelist, {"q": term})
        assert response.status_code == 200
        return [row.pk for row in response.context["cl"].result_list]

    assert results("Zulfiqar") == [link.incident_id]
    assert results("ذو الفقار") == [link.incident_id]
    assert results("Zulfiqar " + link.incident.title.split()[0]) == [link.incident_id]  # words across fields

    trash.soft_delete(link.actor)
    assert results("Zulfiqar") == [] and results("ذو الفقار") == []

    trash.restore(link.actor)
    assert results("Zulfiqar") == [link.incident_id]


def test_the_database_refuses_a_new_link_to_a_merged_actor_or_place():
    from django.db import IntegrityError, transaction

    from incidents.models import IncidentActor, Location, Statement

    from .factories import IncidentFactory, LocationFactory, StatementFactory

    kept, merged = ActorFactory(), ActorFactory()
    merging.merge(kept=kept, merged=merged)
    kept_place, merged_place = LocationFactory(), LocationFactory()
    merging.merge(kept=kept_place, merged=merged_place)
    incident, statement = IncidentFactory(), StatementFactory()

    attempts = [
        lambda: IncidentActor.all_objects.create(incident=incident, actor_id=merged.pk, role="target"),
        lambda: Statement.all_objects.filter(pk=statement.pk).update(speaker_actor_id=merged.pk),
        lambda: Incident.all_objects.filter(pk=incident.pk).update(location_id=merged_place.pk),
        lambda: IncidentFactory(location=Location.all_objects.get(pk=merged_place.pk)),
    ]
    for attempt in attempts:
        with pytest.raises(IntegrityError, match="was merged into row"), transaction.atomic():
            attempt()
    # The kept ones take new links, and an unchanged link is not checked again.
    IncidentActor.all_objects.create(incident=incident, actor=kept, role="target")
    Incident.all_objects.filter(pk=incident.pk).update(location_id=kept_place.pk)
    incident.refresh_from_db()
    incident.title = "Renamed"
    incident.save()


@pytest.mark.django_db(transaction=True)
def test_a_link_written_while_a_merge_runs_waits_for_it_and_is_refused():
    import threading
    import time

    from django.db import IntegrityError, connection, transaction

    from incidents.models import IncidentActor

    from .factories import IncidentFactory

    kept, merged = ActorFactory(), ActorFactory()
    incident = IncidentFactory()
    merging_done, outcome = threading.Event(), {}

    def merge_and_hold():
        try:
            with transaction.atomic():
                merging.merge(kept=kept, merged=merged)
                merging_done.set()
                time.sleep(1.0)  # the merge's locks are held until this commit
        finally:
            merging_done.set()
            connection.close()

    def link_meanwhile():
        try:
            merging_done.wait(10)
            with transaction.atomic():
                IncidentActor.all_objects.create(incident=incident, actor_id=merged.pk, role="target")
            outcome["result"] = "linked"
        except IntegrityError as error:
            outcome["result"] = str(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=merge_and_hold), threading.Thread(target=link_meanwhile)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert "was merged into row" in outcome["result"]
    assert not IncidentActor.all_objects.filter(actor_id=merged.pk).exists()
