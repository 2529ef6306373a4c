"""IncidentFact: one row per published incident, written by database triggers with the incident.

Counts, the grid, the timeline and the summary read the facts, so a fact that lags its incident would show
the public a figure the incidents do not have. The filters' own agreement over facts and incidents is
tested with every filter (test_api_incident_filters.ids)."""
import datetime

import pytest
from django.contrib.gis.geos import Point

from incidents import services
from incidents.models import Incident, IncidentFact, Status, Verification

from .factories import ActorFactory, IncidentActorFactory, IncidentFactory, IncidentSourceFactory, LocationFactory

pytestmark = pytest.mark.django_db

FACT_FIELDS = (
    "date_start", "date_end", "event_type", "sub_event_type", "count", "location_id", "geo_precision",
    "killed_best", "injured_best", "verification", "search_text",
)


def facts():
    """Every fact, as {incident id: its fields}, the point as (longitude, latitude) both ways."""
    return {
        fact.incident_id: (
            {name: getattr(fact, name) for name in FACT_FIELDS},
            fact.point.coords if fact.point else None,
            (fact.longitude, fact.latitude),
        )
        for fact in IncidentFact.objects.all()
    }


def expected():
    """What the facts must be: the published incidents' fields, read from the incidents."""
    return {
        incident.pk: ({name: getattr(incident, name) for name in FACT_FIELDS}, incident.point.coords, incident.point.coords)
        for incident in Incident.objects.published()
    }


def test_the_facts_are_the_published_incidents_through_every_kind_of_write():
    published = IncidentFactory(killed_best=2)
    draft = IncidentFactory(status=Status.DRAFT)
    assert set(facts()) == {published.pk} and facts() == expected()

    # A save of the fields the facts hold, a queryset update, a new point: the fact follows.
    published.killed_best, published.verification = 5, Verification.CONFIRMED
    published.save()
    Incident.objects.filter(pk=published.pk).update(date_start=datetime.date(2023, 11, 2), date_end=datetime.date(2023, 11, 3))
    Incident.objects.filter(pk=published.pk).update(point=Point(40.1, 34.2, srid=4326), location=LocationFactory())
    assert facts() == expected()
    assert facts()[published.pk][2] == (40.1, 34.2)

    # Publishing adds the fact, unpublishing removes it; new evidence (which the search text includes) reaches it.
    services.incidents_publish(incidents=Incident.objects.filter(pk=draft.pk))
    IncidentActorFactory(incident=draft, actor=ActorFactory())
    IncidentSourceFactory(incident=draft, excerpt="سقطت صواريخ على القاعدة")
    assert set(facts()) == {published.pk, draft.pk} and facts() == expected()
    assert "صواريخ" in facts()[draft.pk][0]["search_text"]
    Incident.objects.filter(pk=published.pk).update(status=Status.DRAFT)
    assert set(facts()) == {draft.pk} and facts() == expected()

    # Deleted one at a time or in bulk, the incident takes its fact with it.
    services.incident_delete(incident=draft)
    batch = IncidentFactory.create_batch(3)
    Incident.objects.filter(pk__in=[batch[0].pk, batch[1].pk]).delete()
    assert set(facts()) == {batch[2].pk} and facts() == expected()

