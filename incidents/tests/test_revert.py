"""Reverting from the admin's history page (django-simple-history), driven through the admin as a browser would.

A revert is a change like any other: the change form's validation, the change permission, save_model (an
editor's revert of a published incident goes back to review), optimistic locking (incidents.locking), and the
history records who reverted, when, and to which version; it never moves a record in or out of the trash."""
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from incidents import services, trash
from incidents.models import Actor, Incident, Location, Source, Statement, Status

from .factories import ActorFactory, IncidentFactory, LocationFactory, SourceFactory, StatementFactory, UserFactory
from .test_admin import form_data

pytestmark = pytest.mark.django_db


def member(role):
    user = UserFactory(username=role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def revert_url(row, record):
    return reverse(f"admin:incidents_{row._meta.model_name}_simple_history", args=[row.pk, record.history_id])


def revert(client, row, record, **changes):
    """Open the revert page of `record` and post its form as rendered (with `changes`); return the response."""
    page = client.get(revert_url(row, record))
    assert page.status_code == 200
    return client.post(revert_url(row, record), {**form_data(page.context["adminform"].form), **changes})


def first_record(row):
    return type(row).history.filter(id=row.pk).order_by("history_id").first()


def test_an_editor_reverts_a_published_incident_and_it_goes_back_to_review():
    reviewer, editor = member("reviewer"), member("editor")
    incident = IncidentFactory(title="Rockets on Ain al-Asad", killed_best=1)
    original = first_record(incident)
    services.incident_update(incident=incident, fields={"title": "Wrong title", "killed_best": 9}, user=reviewer)
    version_before = Incident.objects.get(pk=incident.pk).version

    client = logged_in(editor)
    history_page = client.get(reverse("admin:incidents_incident_history", args=[incident.pk])).content.decode()
    assert revert_url(incident, original) in history_page  # the history lists each version, to open and revert
    response = revert(client, incident, original)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    incident.refresh_from_db()
    assert (incident.title, incident.killed_best) == ("Rockets on Ain al-Asad", 1)
    assert incident.status == Status.DRAFT  # an editor's change to a published incident goes back to review
    assert incident.version > version_before
    latest = incident.history.first()
    assert latest.history_user == editor
    assert latest.history_change_reason == f"reverted to the version of history record {original.history_id}"


def test_a_reviewers_revert_keeps_the_incident_published():
    reviewer = member("reviewer")
    incident = IncidentFactory(title="First")
    original = first_record(incident)
    services.incident_update(incident=incident, fields={"title": "Second"}, user=reviewer)

    assert revert(logged_in(reviewer), incident, original).status_code == 302

    incident.refresh_from_db()
    assert (incident.title, incident.status) == ("First", Status.PUBLISHED)


def test_a_revert_from_a_stale_page_is_refused_by_the_lock():
    reviewer, editor = member("reviewer"), member("editor")
    incident = IncidentFactory(title="First")
    original = first_record(incident)
    client = logged_in(editor)
    page = client.get(revert_url(incident, original))
    data = form_data(page.context["adminform"].form)

    services.incident_update(incident=incident, fields={"title": "Saved meanwhile"}, user=reviewer)
    response = client.post(revert_url(incident, original), data)

    assert response.status_code == 200
    assert "Someone saved this incident after you opened it" in response.content.decode()
    incident.refresh_from_db()
    assert incident.title == "Saved meanwhile"


def test_a_revert_goes_through_the_forms_validation():
    reviewer = member("reviewer")
    incident = IncidentFactory(title="First")
    original = first_record(incident)

    response = revert(logged_in(reviewer), incident, original, killed_low="5", killed_best="2")

    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert Incident.objects.get(pk=incident.pk).killed_low is None


def test_an_editor_reverts_an_actor_and_the_history_says_who():
    editor = member("editor")
    actor = ActorFactory(name_en="Kata'ib Hezbollah", description="")
    original = first_record(actor)
    services.actor_update(actor=actor, fields={"name_en": "Wrong name", "description": "Vandalised."}, user=editor)

    response = revert(logged_in(editor), actor, original)

    assert response.status_code == 302
    actor.refresh_from_db()
    assert (actor.name_en, actor.description) == ("Kata'ib Hezbollah", "")
    assert actor.history.first().history_user == editor


def test_a_viewer_may_look_at_an_old_version_but_not_revert_to_it():
    editor, viewer = member("editor"), member("viewer")
    actor = ActorFactory(name_en="Right")
    original = first_record(actor)
    services.actor_update(actor=actor, fields={"name_en": "Changed"}, user=editor)
    client = logged_in(viewer)

    page = client.get(revert_url(actor, original))
    response = client.post(revert_url(actor, original), form_data(page.context["adminform"].form))

    assert page.status_code == 200 and response.status_code == 403
    assert Actor.objects.get(pk=actor.pk).name_en == "Changed"


def test_reverting_to_a_version_before_the_deletion_does_not_restore():
    reviewer = member("reviewer")
    actor = ActorFactory(name_en="Right")
    original = first_record(actor)
    trash.soft_delete(actor, user=reviewer)

    client = logged_in(reviewer)
    page = client.get(revert_url(actor, original))
    refused = client.post(revert_url(actor, original), form_data(page.context["adminform"].form))
    assert refused.status_code == 403  # in the trash: restore it first
    trash.restore(actor, user=reviewer)
    trash.soft_delete(actor, user=reviewer)
    trash.restore(actor, user=reviewer)
    deleted_record = actor.history.filter(deleted_at__isnull=False).first()

    # Reverting a live actor to the version that was in the trash leaves it out of the trash.
    assert revert(client, actor, deleted_record).status_code == 302
    assert Actor.objects.filter(pk=actor.pk).exists()


@pytest.mark.parametrize(
    "make, change",
    [
        (lambda: LocationFactory(name_en="Taji"), {"name_en": "Wrong"}),
        (lambda: SourceFactory(title="Report"), {"title": "Wrong"}),
        (lambda: StatementFactory(translation="Said."), {"translation": "Wrong"}),
    ],
    ids=["place", "source", "statement"],
)
def test_places_sources_and_statements_revert_too(make, change):
    reviewer = member("reviewer")
    row = make()
    original = first_record(row)
    field, _value = next(iter(change.items()))
    before = getattr(row, field)
    for name, value in change.items():
        setattr(row, name, value)
    row._history_user = reviewer
    row.save()

    response = revert(logged_in(reviewer), row, original)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    model = type(row)
    assert getattr(model.objects.get(pk=row.pk), field) == before
    assert model.history.filter(id=row.pk).first().history_user == reviewer
    assert model in (Location, Source, Statement)
