"""Services: each write is one transaction that validates first and records who made it."""
import datetime
import unicodedata

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError

from incidents import services, taxonomy
from incidents.models import (
    Actor,
    ActorRole,
    Incident,
    IncidentActor,
    IncidentSource,
    Location,
    LocationKind,
    Source,
    Statement,
    StatementIncident,
    StatementKind,
)
from incidents.services import Evidence, IncidentData, StatementData

from .factories import (
    ActorFactory,
    GovernorateFactory,
    IncidentFactory,
    LocationFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ARTICLE_AR = (
    "أفادت مصادر أمنية بأن قاعدة عين الأسد الجوية في الأنبار تعرضت لهجوم بطائرة مسيّرة فجر اليوم، "
    "وقالت المقاومة الإسلامية في العراق إنها استهدفت القاعدة. "
    "وفي وقت لاحق تعرضت القاعدة لهجوم ثانٍ بطائرة مسيّرة."
)


def row_counts():
    """Return how many rows each table the services write to holds, history tables included."""
    models = [Source, Location, Actor, Incident, IncidentActor, IncidentSource, Statement, StatementIncident]
    counts = {model.__name__: model.objects.count() for model in models}
    counts.update({f"history of {model.__name__}": model.history.model.objects.count() for model in models})
    return counts


def incident_data(**overrides):
    values = {
        "title": "Drone attack on Ain al-Asad",
        "date_start": datetime.date(2023, 12, 8),
        "event_type": taxonomy.EXPLOSIONS,
        "sub_event_type": "Air/drone strike",
        "location": LocationFactory(),
    }
    values.update(overrides)
    return IncidentData(**values)


# --- source_get_or_create -------------------------------------------------------------------------


def import_source(text, **overrides):
    values = {"title": "هجوم على عين الأسد", "language": "ar", "published": datetime.date(2023, 12, 9)}
    values.update(overrides)
    return services.source_get_or_create(text=text, **values)


def test_source_get_or_create_creates_then_returns_the_stored_source_on_reimport():
    source, created = import_source(ARTICLE_AR, publisher="Example Wire")
    assert created
    again, created_again = import_source("\n  " + ARTICLE_AR.replace(" ", "   ").replace("، ", "،\n") + "  \n")
    assert (again, created_again) == (source, False)
    assert again.text == ARTICLE_AR
    assert Source.objects.count() == 1
    assert source.history.count() == 1


def test_source_get_or_create_matches_a_differently_normalized_text():
    text = "Café owners in the old town said two rockets landed nearby."
    source, _ = import_source(text, language="en")
    again, created = import_source(unicodedata.normalize("NFD", text), language="en")
    assert (again, created) == (source, False)


def test_source_get_or_create_keeps_different_texts_apart():
    first, _ = import_source(ARTICLE_AR)
    second, created = import_source(ARTICLE_AR + " وأضافت المصادر أن الهجوم لم يسفر عن إصابات.")
    assert created and second != first
    assert Source.objects.count() == 2


@pytest.mark.parametrize("text", ["", "   ", "\n\t \r\n", "\u00a0\u2003"], ids=["empty", "spaces", "mixed", "unicode"])
def test_source_get_or_create_refuses_empty_text_and_writes_nothing(text):
    before = row_counts()
    with pytest.raises(ValidationError) as excinfo:
        import_source(text)
    assert excinfo.value.message_dict == {"text": ["The article text is empty."]}
    assert row_counts() == before


def test_source_get_or_create_records_the_user():
    editor = UserFactory()
    source, _ = import_source(ARTICLE_AR, user=editor)
    assert source.history.first().history_user == editor


# --- evidence_find --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "excerpt",
    ["قاعدة عين الأسد الجوية", "المقاومة الإسلامية في العراق", "أفادت", "لهجوم ثانٍ بطائرة مسيّرة."],
)
def test_evidence_find_offsets_round_trip_to_the_excerpt(excerpt):
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    evidence = services.evidence_find(source=source, excerpt=excerpt)
    assert evidence.excerpt == excerpt
    stored = Source.objects.get(pk=source.pk)
    assert stored.text[evidence.start_offset : evidence.end_offset] == excerpt
    assert evidence.end_offset - evidence.start_offset == len(excerpt)


def test_evidence_find_counts_occurrences():
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    first = services.evidence_find(source=source, excerpt="بطائرة مسيّرة")
    second = services.evidence_find(source=source, excerpt="بطائرة مسيّرة", occurrence=2)
    assert first.excerpt == second.excerpt == "بطائرة مسيّرة"
    assert second.start_offset > first.end_offset
    with pytest.raises(ValidationError):
        services.evidence_find(source=source, excerpt="بطائرة مسيّرة", occurrence=3)


def test_evidence_find_explains_an_empty_excerpt():
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    with pytest.raises(ValidationError) as excinfo:
        services.evidence_find(source=source, excerpt="")
    assert excinfo.value.messages == ["The excerpt is empty."]


def test_evidence_find_refuses_an_excerpt_not_in_the_text():
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    with pytest.raises(ValidationError) as excinfo:
        services.evidence_find(source=source, excerpt="قاعدة حرير")
    assert excinfo.value.messages == ["The excerpt is not in the source text: 'قاعدة حرير'"]


@pytest.mark.parametrize(("excerpt", "occurrence"), [("", 1), ("قاعدة", 0), ("قاعدة", -1)])
def test_evidence_find_refuses_an_empty_excerpt_or_a_non_positive_occurrence(excerpt, occurrence):
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    with pytest.raises(ValidationError):
        services.evidence_find(source=source, excerpt=excerpt, occurrence=occurrence)


# --- incident_create ------------------------------------------------------------------------------


def test_incident_create_writes_incident_actors_and_evidence():
    editor = UserFactory()
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    claimant, target = ActorFactory(), ActorFactory()
    evidence = services.evidence_find(source=source, excerpt="تعرضت لهجوم بطائرة مسيّرة فجر اليوم")
    location = LocationFactory(point=Point(42.44, 33.80, srid=4326), geo_precision=1)

    incident = services.incident_create(
        data=incident_data(
            location=location,
            killed_best=0,
            actors=[
                services.ActorRole(claimant, ActorRole.CLAIMANT),
                services.ActorRole(target, ActorRole.TARGET),
            ],
            evidence=[evidence],
        ),
        user=editor,
    )

    incident = Incident.objects.get(pk=incident.pk)
    assert incident.date_end == incident.date_start
    assert incident.point.coords == (42.44, 33.80)
    assert incident.geo_precision == 1
    assert set(incident.incident_actors.values_list("actor", "role")) == {
        (claimant.pk, ActorRole.CLAIMANT),
        (target.pk, ActorRole.TARGET),
    }
    link = incident.incident_sources.get()
    assert link.source == source
    assert link.excerpt == "تعرضت لهجوم بطائرة مسيّرة فجر اليوم"
    assert source.text[link.start_offset : link.end_offset] == link.excerpt
    assert incident.history.first().history_user == editor
    assert incident.incident_actors.first().history.first().history_user == editor
    assert link.history.first().history_user == editor


def test_incident_create_repeated_actor_role_or_span_is_written_once():
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    actor = ActorFactory()
    evidence = services.evidence_find(source=source, excerpt="عين الأسد")
    incident = services.incident_create(
        data=incident_data(
            actors=[services.ActorRole(actor, ActorRole.CLAIMANT)] * 2,
            evidence=[evidence, evidence],
        )
    )
    assert incident.incident_actors.count() == 1
    assert incident.incident_sources.count() == 1


@pytest.mark.django_db(transaction=True)
def test_incident_create_leaves_nothing_behind_when_an_actor_role_is_invalid():
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    good, bad = ActorFactory(), ActorFactory()
    data = incident_data(
        actors=[services.ActorRole(good, ActorRole.PERPETRATOR), services.ActorRole(bad, "bystander")],
        evidence=[services.evidence_find(source=source, excerpt="عين الأسد")],
    )
    before = row_counts()
    with pytest.raises(ValidationError) as excinfo:
        services.incident_create(data=data, user=UserFactory())
    # The error is keyed by the collection the bad row is in, as the API reports it.
    assert list(excinfo.value.message_dict) == ["actors"]
    assert row_counts() == before
    assert not Incident.objects.filter(title=data.title).exists()


@pytest.mark.django_db(transaction=True)
def test_incident_create_leaves_nothing_behind_when_evidence_is_invalid():
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    beyond_the_text = Evidence(source=source, start_offset=len(ARTICLE_AR) - 2, end_offset=len(ARTICLE_AR) + 10)
    data = incident_data(actors=[services.ActorRole(ActorFactory(), ActorRole.TARGET)], evidence=[beyond_the_text])
    before = row_counts()
    with pytest.raises(ValidationError) as excinfo:
        services.incident_create(data=data)
    assert excinfo.value.message_dict == {"sources": ["The offsets run past the end of the source text."]}
    assert row_counts() == before


def test_incident_create_refuses_an_invalid_pair_with_the_users_message():
    data = incident_data(event_type=taxonomy.BATTLES, sub_event_type="Air/drone strike")
    before = row_counts()
    with pytest.raises(ValidationError) as excinfo:
        services.incident_create(data=data)
    assert excinfo.value.message_dict == {"sub_event_type": ["“Air/drone strike” is not a sub-event type of “Battles”."]}
    assert row_counts() == before


# --- statement_create -----------------------------------------------------------------------------


def test_statement_create_links_the_incidents_and_keeps_the_evidence_span():
    editor = UserFactory()
    source = SourceFactory(text=ARTICLE_AR, language="ar")
    speaker = ActorFactory(name_en="Islamic Resistance in Iraq")
    first, second = IncidentFactory(), IncidentFactory()
    said = "وقالت المقاومة الإسلامية في العراق إنها استهدفت القاعدة."
    statement = services.statement_create(
        data=StatementData(
            source=source,
            kind=StatementKind.CLAIM,
            text=said,
            language="ar",
            speaker_actor=speaker,
            date=datetime.date(2023, 12, 8),
            evidence=services.evidence_find(source=source, excerpt=said),
            incidents=[first, second],
        ),
        user=editor,
    )
    statement = Statement.objects.get(pk=statement.pk)
    assert set(statement.incidents.all()) == {first, second}
    assert source.text[statement.start_offset : statement.end_offset] == said
    assert statement.speaker_actor == speaker
    assert statement.speaker == str(speaker)
    assert statement.history.first().history_user == editor
    assert {link.history.first().history_user for link in statement.statement_incidents.all()} == {editor}
    assert list(first.statements.all()) == [statement]


def test_statement_create_refuses_evidence_from_another_source():
    source, other = SourceFactory(text=ARTICLE_AR, language="ar"), SourceFactory()
    incident = IncidentFactory()
    before = row_counts()
    with pytest.raises(ValidationError) as excinfo:
        services.statement_create(
            data=StatementData(
                source=source,
                kind=StatementKind.REPORT,
                text="two rockets struck the base",
                language="en",
                speaker_description="a security source",
                evidence=services.evidence_find(source=other, excerpt="two rockets struck the base"),
                incidents=[incident],
            )
        )
    assert excinfo.value.messages == ["A statement's evidence must come from its own source."]
    assert row_counts() == before


def test_statement_create_refuses_a_statement_without_a_speaker():
    source, incident = SourceFactory(text=ARTICLE_AR, language="ar"), IncidentFactory()
    before = row_counts()
    with pytest.raises(ValidationError) as excinfo:
        services.statement_create(
            data=StatementData(
                source=source, kind=StatementKind.REPORT, text="نص", language="ar", incidents=[incident]
            )
        )
    assert excinfo.value.messages == ["Name the speaker: choose an actor or describe the speaker."]
    assert row_counts() == before


# --- reference_upsert -----------------------------------------------------------------------------


def location_reference(**overrides):
    values = {
        "name_en": "Ain al-Asad Air Base",
        "name_ar": "قاعدة عين الأسد الجوية",
        "aliases": ["Al Asad Airbase", "عين الاسد"],
        "kind": LocationKind.MILITARY_BASE,
        "country_code": "IQ",
        "parent": GovernorateFactory(slug="iq-anbar", name_en="Anbar", name_ar="الأنبار"),
        "point": Point(42.4412, 33.7856, srid=4326),
        "geo_precision": 1,
        "geonames_id": None,
        "pcode": None,
        "notes": "Coordinates from the runway centre.",
    }
    values.update(overrides)
    return values


def test_reference_upsert_creates_once_and_is_idempotent():
    fields = location_reference()
    base, created = services.reference_upsert(Location, slug="iq-ain-al-asad", **fields)
    assert created
    assert base.governorate.slug == "iq-anbar"
    assert base.history.count() == 1

    again, created_again = services.reference_upsert(Location, slug="iq-ain-al-asad", **location_reference())
    assert (again, created_again) == (base, False)
    assert base.history.count() == 1
    assert Location.objects.filter(slug="iq-ain-al-asad").count() == 1


def test_reference_upsert_treats_a_point_without_srid_as_wgs84():
    services.reference_upsert(Location, slug="iq-ain-al-asad", **location_reference())
    base, _ = services.reference_upsert(
        Location, slug="iq-ain-al-asad", **location_reference(point=Point(42.4412, 33.7856))
    )
    assert base.history.count() == 1


def test_reference_upsert_updates_changed_data_with_one_history_row():
    editor = UserFactory()
    services.reference_upsert(Location, slug="iq-ain-al-asad", **location_reference())
    base, created = services.reference_upsert(
        Location,
        slug="iq-ain-al-asad",
        user=editor,
        **location_reference(name_ar="عين الأسد", point=Point(42.45, 33.80, srid=4326)),
    )
    assert not created
    base.refresh_from_db()
    assert base.name_ar == "عين الأسد"
    assert base.point.coords == (42.45, 33.80)
    assert base.history.count() == 2
    assert base.history.first().history_user == editor
    assert base.history.first().name_ar == "عين الأسد"


def test_reference_upsert_works_for_actors():
    umbrella, _ = services.reference_upsert(
        Actor, slug="irq-islamic-resistance", name_en="Islamic Resistance in Iraq", kind="militia or armed group"
    )
    fields = {"name_en": "Kata'ib Hezbollah", "kind": "militia or armed group", "parent": umbrella}
    member, created = services.reference_upsert(Actor, slug="kataib-hezbollah", **fields)
    assert created and member.parent == umbrella
    services.reference_upsert(Actor, slug="kataib-hezbollah", **fields)
    assert member.history.count() == 1
    services.reference_upsert(Actor, slug="kataib-hezbollah", **fields | {"aliases": ["KH", "كتائب حزب الله"]})
    member.refresh_from_db()
    assert member.aliases == ["KH", "كتائب حزب الله"]
    assert member.history.count() == 2


def test_reference_upsert_refuses_invalid_data():
    with pytest.raises(ValidationError) as excinfo:
        services.reference_upsert(Location, slug="nowhere", **location_reference(kind="planet"))
    assert "kind" in excinfo.value.message_dict
    assert not Location.objects.filter(slug="nowhere").exists()


# --- history --------------------------------------------------------------------------------------


def test_history_records_the_user_passed_in():
    editor = UserFactory(username="layla")
    incident = services.incident_create(data=incident_data(), user=editor)
    assert incident.history.count() == 1
    assert incident.history.first().history_user == editor
    assert incident.history.first().history_user.username == "layla"


def test_history_without_a_user_records_none():
    incident = services.incident_create(data=incident_data())
    assert incident.history.first().history_user is None


def _merge_draft():
    text = "Two rockets struck near the base on Friday, a security source said."
    return services.import_draft_create(
        title="t", text=text, language="en", published=datetime.date(2023, 12, 9), proposal={"incidents": [], "statements": []}
    )


def test_import_confirm_merge_adds_actors_and_only_the_figures_given():
    stored = IncidentFactory(killed_best=1, injured_best=2)
    militia = ActorFactory()
    new_actor = Actor(slug="saraya-example", name_en="Saraya Example", kind="militia or armed group")
    merge = services.ReviewedIncident(
        key=0, spans=[(0, 20)], merge_into=stored,
        actors=[services.ActorRole(actor=militia, role=ActorRole.PERPETRATOR),
                services.ActorRole(actor=new_actor, role=ActorRole.CLAIMANT)],
        figures={"killed_best": 3},
    )

    source = services.import_confirm(draft=_merge_draft(), incidents=[merge], statements=[])

    stored.refresh_from_db()
    assert (stored.killed_best, stored.injured_best) == (3, 2)
    assert {(link.actor.slug, link.role) for link in stored.incident_actors.all()} == {
        (militia.slug, ActorRole.PERPETRATOR), ("saraya-example", ActorRole.CLAIMANT)
    }
    assert stored.incident_sources.get().source == source


def test_import_confirm_merge_changes_no_field_but_figures():
    stored = IncidentFactory()
    merge = services.ReviewedIncident(key=0, spans=[(0, 20)], merge_into=stored, figures={"title": "Renamed"})

    with pytest.raises(ValidationError, match="only casualty figures"):
        services.import_confirm(draft=_merge_draft(), incidents=[merge], statements=[])

    stored.refresh_from_db()
    assert stored.title != "Renamed" and Source.objects.count() == 0
