"""generate_incidents: N valid synthetic incidents over the gazetteer, reproducible by seed, removable alone."""
import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F

from incidents import taxonomy
from incidents.models import (
    GeoPrecision,
    Incident,
    IncidentActor,
    IncidentSource,
    LocationKind,
    Source,
    StatementIncident,
    Status,
    content_hash,
)

from .factories import (
    ActorFactory,
    CountryFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def generate(*args):
    out = StringIO()
    call_command("generate_incidents", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


@pytest.fixture
def small_world():
    """A country, a base, a town and actors of the kinds each role draws from."""
    CountryFactory()
    LocationFactory(slug="base", name_en="Ain al-Asad", name_ar="عين الأسد")
    LocationFactory(slug="town", name_en="Qaim", name_ar="القائم", kind=LocationKind.TOWN)
    umbrella = ActorFactory(slug="umbrella", name_en="Islamic Resistance in Iraq")
    ActorFactory(slug="member", parent=umbrella)
    ActorFactory(slug="force", kind="state force", name_en="US forces")
    ActorFactory(slug="coalition", kind="coalition", name_en="Coalition")


def test_generate_writes_valid_incidents_over_the_gazetteer():
    call_command("load_reference", stdout=StringIO())
    out = generate(2000, "--seed", 8)
    incidents = Incident.objects.filter(synthetic=True)
    assert incidents.count() == 2000
    assert "Wrote 2000 synthetic incidents" in out
    for incident in incidents.order_by("?")[:60]:
        incident.full_clean()
        assert incident.title and incident.title_ar and incident.title != incident.title_ar
        assert taxonomy.is_valid_pair(incident.event_type, incident.sub_event_type)
        assert incident.point == incident.location.point
        for link in incident.incident_sources.all():
            link.full_clean()
            assert link.source.text[link.start_offset:link.end_offset] == link.excerpt
        for role in incident.incident_actors.all():
            role.full_clean()
    # Mostly published, some drafts.
    published = incidents.filter(status=Status.PUBLISHED).count()
    assert 0.9 * 2000 < published < 2000
    # Every incident is reported by a source, some by two; sources report about ten each.
    assert not incidents.filter(incident_sources__isnull=True).exists()
    assert incidents.annotate(n=Count("incident_sources")).filter(n=2).exists()
    sources = Source.objects.filter(synthetic=True)
    assert 100 < sources.count() < 400
    for source in sources[:20]:
        source.full_clean()
        assert source.content_hash == content_hash(source.text)
        assert source.url.startswith("https://synthetic.marsad.invalid/")
    # Places lean on bases and settlements; some incidents are known only to the region or country.
    assert 0 < incidents.filter(geo_precision=GeoPrecision.REGION).count() < 0.2 * 2000
    assert incidents.filter(location__kind=LocationKind.MILITARY_BASE).count() > 0.1 * 2000
    assert set(incidents.values_list("location__country_code", flat=True)) >= {"IQ", "SY"}
    # Uncertain dates come as weeks and months; casualty counts are mostly none or unknown.
    week = incidents.filter(date_precision="week")
    assert week.exists() and not week.exclude(date_end=F("date_start") + datetime.timedelta(days=6)).exists()
    month = incidents.filter(date_precision="month")
    assert month.exists() and not month.exclude(date_start__day=1).exists()
    assert not incidents.filter(date_precision="day").exclude(date_end=F("date_start")).exists()
    assert incidents.filter(date_start__lt="2024-01-01").exists() and incidents.filter(date_end__gt="2024-06-30").exists()
    assert incidents.filter(killed_best__gt=0).count() < 0.3 * 2000
    assert set(incidents.values_list("event_type", flat=True)) == set(taxonomy.EVENT_TYPES)
    roles = set(IncidentActor.objects.filter(incident__synthetic=True).values_list("role", flat=True))
    assert roles == {"perpetrator", "target", "claimant", "interceptor"}


def test_generate_with_a_seed_writes_the_same_incidents(small_world):
    def snapshot():
        return [
            (
                incident.title, incident.title_ar, incident.date_start, incident.date_end, incident.event_type,
                incident.sub_event_type, incident.location.slug, incident.killed_best, incident.injured_high,
                incident.status, incident.verification,
                sorted((role.actor.slug, role.role) for role in incident.incident_actors.all()),
                sorted(link.excerpt for link in incident.incident_sources.all()),
            )
            for incident in Incident.objects.filter(synthetic=True).order_by("id")
        ]

    generate(300, "--seed", 5)
    first = snapshot()
    generate("--remove")
    generate(300, "--seed", 5)
    assert snapshot() == first
    generate("--remove")
    generate(300, "--seed", 6)
    assert snapshot() != first


def test_remove_deletes_only_synthetic_rows(small_world):
    real = IncidentFactory(title="Real attack")
    real_link = IncidentSourceFactory(incident=real)
    generate(200, "--seed", 1)
    synthetic_incident = Incident.objects.filter(synthetic=True).first()
    synthetic_source = Source.objects.filter(synthetic=True).first()
    # An editor links a real incident to a synthetic source, a real statement to a synthetic incident,
    # and edits a synthetic incident (a history row).
    IncidentSourceFactory(incident=real, source=synthetic_source, excerpt="", start_offset=None, end_offset=None)
    statement = StatementFactory()
    StatementIncident.objects.create(statement=statement, incident=synthetic_incident)
    synthetic_incident.editor_note = "checked"
    synthetic_incident.save()
    assert synthetic_incident.history.count() == 1
    real_history = real.history.count()

    out = generate("--remove")

    assert "Removed 200 synthetic incidents" in out
    assert "Kept 1 synthetic sources that real rows cite." in out
    assert list(Incident.objects.all()) == [real]
    assert set(IncidentSource.objects.values_list("source", flat=True)) == {real_link.source_id, synthetic_source.id}
    assert list(Source.objects.filter(synthetic=True)) == [synthetic_source]
    assert not IncidentActor.objects.exists()
    assert statement.statement_incidents.count() == 0 and statement.source.pk
    assert not Incident.history.filter(synthetic=True).exists()
    assert real.history.count() == real_history
    assert not IncidentSource.history.filter(incident_id=synthetic_incident.pk).exists()


def test_remove_with_no_synthetic_rows_leaves_real_ones(small_world):
    real = IncidentFactory()
    source = SourceFactory()
    out = generate("--remove")
    assert "Removed 0 synthetic incidents and 0 synthetic sources" in out
    assert list(Incident.objects.all()) == [real] and list(Source.objects.all()) == [source]


def test_generate_asks_for_the_gazetteer_first():
    with pytest.raises(CommandError, match="run `manage.py load_reference` first"):
        generate(10)
    assert not Incident.objects.exists()


def test_generate_asks_for_a_count(small_world):
    with pytest.raises(CommandError, match="Give the number of incidents"):
        generate()
    with pytest.raises(CommandError, match="Give the number of incidents"):
        generate(0)


def test_generate_adds_to_earlier_synthetic_rows(small_world):
    generate(50)
    generate(70)
    assert Incident.objects.filter(synthetic=True).count() == 120
    assert Incident.objects.filter(synthetic=True, status=Status.PUBLISHED).count() > 80
