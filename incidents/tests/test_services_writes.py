"""The services that the API's writes call: one transaction each, validated, with the user in the history."""
import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from incidents import services
from incidents.models import Actor, Incident, IncidentActor, Status

from .factories import (
    ActorFactory,
    IncidentFactory,
    LocationFactory,
    SourceFactory,
    StatementFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_moving_a_day_incident_moves_its_end_and_a_range_keeps_its_end():
    day = IncidentFactory(date_start=datetime.date(2023, 12, 8))
    week = IncidentFactory(date_start=datetime.date(2023, 12, 1), date_end=datetime.date(2023, 12, 7))

    services.incident_update(incident=day, fields={"date_start": datetime.date(2023, 12, 10)})
    services.incident_update(incident=week, fields={"date_start": datetime.date(2023, 12, 2)})

    assert (day.date_start, day.date_end) == (datetime.date(2023, 12, 10), datetime.date(2023, 12, 10))
    assert week.date_end == datetime.date(2023, 12, 7)


def test_a_range_whose_start_passes_its_end_is_refused():
    week = IncidentFactory(date_start=datetime.date(2023, 12, 1), date_end=datetime.date(2023, 12, 7))

    with pytest.raises(ValidationError) as caught:
        services.incident_update(incident=week, fields={"date_start": datetime.date(2023, 12, 9)})

    assert "date_end" in caught.value.message_dict


def test_an_update_that_fails_on_its_evidence_writes_nothing():
    incident = IncidentFactory(title="Before", status=Status.DRAFT)
    actor = ActorFactory()
    source = SourceFactory(text="Short.")
    evidence = [services.Evidence(source=source, start_offset=0, end_offset=99)]

    with pytest.raises(ValidationError) as caught:
        services.incident_update(
            incident=incident,
            fields={"title": "After", "status": Status.PUBLISHED},
            actors=[services.ActorRole(actor=actor, role="target")],
            evidence=evidence,
        )

    assert list(caught.value.message_dict) == ["sources"]
    incident.refresh_from_db()
    assert (incident.title, incident.status) == ("Before", Status.DRAFT)
    assert not IncidentActor.objects.exists()


def test_creating_an_incident_with_an_invalid_role_leaves_nothing():
    data = services.IncidentData(
        title="Rockets", date_start=datetime.date(2023, 12, 8), event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", location=LocationFactory(),
        actors=[services.ActorRole(actor=ActorFactory(), role="bystander")],
    )  # fmt: skip

    with pytest.raises(ValidationError) as caught:
        services.incident_create(data=data)

    assert list(caught.value.message_dict) == ["actors"]
    assert not Incident.objects.exists()


def test_keys_made_from_names_do_not_collide():
    ActorFactory(slug="harakat-al-nujaba")

    second = services.actor_create(fields={"name_en": "Harakat al-Nujaba", "kind": "militia or armed group"})
    third = services.actor_create(fields={"name_en": "Harakat al-Nujaba", "kind": "militia or armed group"})
    place = services.location_create(fields={"name_en": "نقطة", "kind": "area"})

    assert (second.slug, third.slug) == ("harakat-al-nujaba-2", "harakat-al-nujaba-3")
    assert place.slug == "location"


def test_updates_and_deletes_record_the_user():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="reviewer"))  # deleting is the reviewers' (incidents.trash)
    actor, location = ActorFactory(), LocationFactory()
    statement = StatementFactory()

    services.actor_update(actor=actor, fields={"description": "Changed."}, user=user)
    services.location_update(location=location, fields={"name_ar": "مكان"}, user=user)
    services.statement_update(statement=statement, fields={"translation": "Said."}, incidents=[IncidentFactory()], user=user)
    actor_id = actor.pk
    services.actor_delete(actor=actor, user=user)

    deleted = Actor.history.filter(id=actor_id).first()
    assert (deleted.history_type, deleted.history_user, deleted.deleted_by) == ("~", user, user)
    assert [record.history_user for record in Actor.history.filter(id=actor_id, history_type="~")] == [user, user]
    assert location.history.first().history_user == user
    assert statement.history.first().history_user == user
    assert statement.statement_incidents.get().history.get().history_user == user


def test_an_actor_that_speaks_statements_cannot_be_deleted():
    actor = StatementFactory(speaker_actor=ActorFactory()).speaker_actor

    with pytest.raises(ValidationError, match="it is the speaker of statements"):
        services.actor_delete(actor=actor)

    assert Actor.objects.filter(pk=actor.pk).exists()
