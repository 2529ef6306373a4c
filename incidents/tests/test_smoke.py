import pytest

from .factories import IncidentActorFactory, IncidentSourceFactory, StatementFactory


@pytest.mark.django_db
def test_factories_build_a_linked_incident():
    link = IncidentActorFactory()
    IncidentSourceFactory(incident=link.incident)
    StatementFactory().incidents.add(link.incident)
    assert link.incident.actors.get() == link.actor
    assert link.incident.location.governorate.name_en == "Baghdad"
    assert link.incident.statements.count() == 1
