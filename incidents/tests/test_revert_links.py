"""Reverting an incident from its history brings its actors' roles and evidence back to that version
(incidents.reverting), in the revert's transaction, or refuses and changes nothing when a link's actor or
source is in the trash or merged."""
import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client

from incidents import merging, services, trash
from incidents.models import ActorRole, Incident, IncidentActor, IncidentSource

from .factories import ActorFactory, IncidentFactory, SourceFactory, UserFactory
from .test_revert import revert, revert_url

pytestmark = pytest.mark.django_db


def member(role):
    user = UserFactory(username=role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def links(incident):
    actors = {(link.actor_id, link.role) for link in IncidentActor.all_objects.filter(incident=incident)}
    evidence = {(link.source_id, link.excerpt) for link in IncidentSource.all_objects.filter(incident=incident)}
    return actors, evidence


@pytest.fixture
def edited():
    """An incident at version one (actor A perpetrator, evidence from S1), then changed to version two."""
    reviewer = member("reviewer")
    first_actor, second_actor = ActorFactory(name_en="First group"), ActorFactory(name_en="Second group")
    first_source, second_source = SourceFactory(), SourceFactory()
    incident = IncidentFactory(title="Version one")
    services.incident_update(
        incident=incident,
        fields={"title": "Version one"},
        actors=[services.ActorRole(actor=first_actor, role=ActorRole.PERPETRATOR)],
        evidence=[services.Evidence(source=first_source, start_offset=0, end_offset=30)],
        user=reviewer,
    )
    version_one = Incident.history.filter(id=incident.pk).first()
    before = links(incident)
    ids_before = set(IncidentActor.all_objects.filter(incident=incident).values_list("pk", flat=True))
    services.incident_update(
        incident=incident,
        fields={"title": "Version two"},
        actors=[
            services.ActorRole(actor=second_actor, role=ActorRole.TARGET),
            services.ActorRole(actor=first_actor, role=ActorRole.CLAIMANT),
        ],
        evidence=[services.Evidence(source=second_source, start_offset=5, end_offset=40)],
        user=reviewer,
    )
    return {
        "reviewer": reviewer,
        "incident": incident,
        "version_one": version_one,
        "before": before,
        "ids_before": ids_before,
        "actors": (first_actor, second_actor),
        "sources": (first_source, second_source),
    }


def test_a_revert_brings_the_versions_actors_and_evidence_back(edited):
    incident, version_one = edited["incident"], edited["version_one"]
    after_edit = links(incident)
    assert after_edit != edited["before"]

    response = revert(logged_in(edited["reviewer"]), incident, version_one)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    incident.refresh_from_db()
    assert incident.title == "Version one"
    assert links(incident) == edited["before"]
    # The same rows, by id: the link's history continues.
    assert set(IncidentActor.all_objects.filter(incident=incident).values_list("pk", flat=True)) == edited["ids_before"]
    # The history says who and to which version, for the links as for the incident.
    record = IncidentActor.history.filter(incident_id=incident.pk).order_by("-history_id").first()
    assert record.history_user == edited["reviewer"]
    assert record.history_change_reason == (
        f"reverted with the incident to the version of history record {version_one.history_id}"
    )
    reason = Incident.history.filter(id=incident.pk).first().history_change_reason
    assert reason.startswith(f"reverted to the version of history record {version_one.history_id} (and ")
    assert reason.endswith("changes to its actors and evidence)")
    # The public API shows the reverted links.
    detail = Client().get(f"/api/v1/incidents/{incident.pk}/").json()
    names = {item["name_en"] for item in detail["properties"]["actors"]}
    assert names == {"First group"}


def test_a_revert_to_a_link_whose_actor_is_in_the_trash_is_refused_and_changes_nothing(edited):
    incident, version_one = edited["incident"], edited["version_one"]
    first_actor, _second = edited["actors"]
    # Version one had the first actor as perpetrator; it is now claimant, and then goes to the trash.
    trash.soft_delete(first_actor, user=edited["reviewer"])
    after_edit, title = links(incident), Incident.objects.get(pk=incident.pk).title

    client = logged_in(edited["reviewer"])
    response = revert(client, incident, version_one)

    assert response.status_code == 302 and response.url.endswith(revert_url(incident, version_one))
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("nothing was changed" in message and "First group" in message and "in the trash" in message
               for message in shown), shown
    assert links(incident) == after_edit
    assert Incident.objects.get(pk=incident.pk).title == title == "Version two"


def test_a_revert_to_a_link_whose_source_is_in_the_trash_or_actor_merged_is_refused(edited):
    incident, version_one = edited["incident"], edited["version_one"]
    first_source, _second = edited["sources"]
    trash.soft_delete(first_source, user=edited["reviewer"])
    client = logged_in(edited["reviewer"])

    response = revert(client, incident, version_one)
    shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "source" in shown and "in the trash" in shown
    assert Incident.objects.get(pk=incident.pk).title == "Version two"

    trash.restore(first_source, user=edited["reviewer"])
    first_actor, _second = edited["actors"]
    kept = ActorFactory(name_en="Kept group")
    merging.merge(kept=kept, merged=first_actor, user=edited["reviewer"])
    response = revert(client, incident, version_one)
    shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "was merged into “Kept group" in shown and "undo the merge first" in shown, shown
    assert Incident.objects.get(pk=incident.pk).title == "Version two"


@pytest.mark.django_db(transaction=True)
def test_a_revert_outside_a_test_transaction_locks_and_saves_in_one():
    # The form's lock is SELECT … FOR UPDATE: the revert must run in a transaction of its own (no test's around it).
    reviewer = member("reviewer")
    actor = ActorFactory(name_en="Only group")
    incident = IncidentFactory(title="Version one")
    perpetrator = services.ActorRole(actor=actor, role=ActorRole.PERPETRATOR)
    services.incident_update(incident=incident, fields={}, actors=[perpetrator], user=reviewer)
    version_one = Incident.history.filter(id=incident.pk).first()
    services.incident_update(incident=incident, fields={"title": "Version two"}, actors=[], user=reviewer)

    response = revert(logged_in(reviewer), incident, version_one)

    assert response.status_code == 302
    assert Incident.objects.get(pk=incident.pk).title == "Version one"
    assert links(incident)[0] == {(actor.pk, ActorRole.PERPETRATOR)}
