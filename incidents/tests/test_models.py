"""The data model: database constraints, derived fields, validation messages and QuerySet methods."""
import datetime
import math
import unicodedata

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from incidents import taxonomy
from incidents.models import (
    Actor,
    Incident,
    IncidentSource,
    Location,
    LocationKind,
    Source,
    Statement,
    Status,
)

from .factories import (
    ActorFactory,
    CountryFactory,
    GovernorateFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

BAGHDAD = (44.3661, 33.3152)
EARTH_RADIUS_KM = 6371.0088


def point_at(origin, *, km, bearing_deg):
    """Return the point `km` kilometres from `origin` (lon, lat) along `bearing_deg`, on the sphere."""
    lon1, lat1 = map(math.radians, origin)
    bearing, angular = math.radians(bearing_deg), km / EARTH_RADIUS_KM
    lat2 = math.asin(math.sin(lat1) * math.cos(angular) + math.cos(lat1) * math.sin(angular) * math.cos(bearing))
    lon2 = lon1 + math.atan2(
        math.sin(bearing) * math.sin(angular) * math.cos(lat1), math.cos(angular) - math.sin(lat1) * math.sin(lat2)
    )
    return Point(math.degrees(lon2), math.degrees(lat2), srid=4326)


def assert_db_rejects(queryset, constraint, **changes):
    """Assert that writing `changes` to `queryset` straight to the database violates `constraint`."""
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        queryset.update(**changes)
    assert constraint in str(excinfo.value)


# --- Incident constraints ---------------------------------------------------------------------


def test_end_date_before_start_is_rejected_by_the_database():
    incident = IncidentFactory(date_start=datetime.date(2023, 12, 8))
    assert_db_rejects(
        Incident.objects.filter(pk=incident.pk), "incident_end_after_start", date_end=datetime.date(2023, 12, 7)
    )


def test_end_date_equal_to_start_is_accepted():
    incident = IncidentFactory(date_start=datetime.date(2023, 12, 8))
    Incident.objects.filter(pk=incident.pk).update(date_end=datetime.date(2023, 12, 8))
    incident.refresh_from_db()
    assert incident.date_end == incident.date_start


@pytest.mark.parametrize(
    ("event_type", "sub_event_type"),
    [
        (taxonomy.BATTLES, "Air/drone strike"),
        (taxonomy.PROTESTS, "Armed clash"),
        (taxonomy.EXPLOSIONS, "Peaceful protest"),
        ("Drone war", "Air/drone strike"),
    ],
)
def test_invalid_acled_pair_is_rejected_by_the_database(event_type, sub_event_type):
    incident = IncidentFactory()
    assert_db_rejects(
        Incident.objects.filter(pk=incident.pk),
        "incident_valid_acled_type",
        event_type=event_type,
        sub_event_type=sub_event_type,
    )


@pytest.mark.parametrize(("event_type", "sub_event_type"), taxonomy.VALID_PAIRS)
def test_every_valid_acled_pair_is_accepted(event_type, sub_event_type):
    incident = IncidentFactory.build(location=LocationFactory(), event_type=event_type, sub_event_type=sub_event_type)
    incident.full_clean()
    incident.save()
    stored = Incident.objects.get(pk=incident.pk)
    assert (stored.event_type, stored.sub_event_type) == (event_type, sub_event_type)


def test_valid_pairs_cover_the_whole_taxonomy():
    assert len(taxonomy.VALID_PAIRS) == sum(len(subs) for subs in taxonomy.SUB_EVENT_TYPES.values()) == 25


def test_count_zero_is_rejected():
    incident = IncidentFactory()
    assert_db_rejects(Incident.objects.filter(pk=incident.pk), "incident_count_positive", count=0)


@pytest.mark.parametrize("prefix", ["killed", "injured"])
def test_casualty_low_above_best_is_rejected(prefix):
    incident = IncidentFactory(**{f"{prefix}_best": 3})
    assert_db_rejects(
        Incident.objects.filter(pk=incident.pk), f"incident_{prefix}_low_le_best", **{f"{prefix}_low": 4}
    )


@pytest.mark.parametrize("prefix", ["killed", "injured"])
def test_casualty_best_above_high_is_rejected(prefix):
    incident = IncidentFactory(**{f"{prefix}_best": 3})
    assert_db_rejects(
        Incident.objects.filter(pk=incident.pk), f"incident_{prefix}_best_le_high", **{f"{prefix}_high": 2}
    )


@pytest.mark.parametrize("prefix", ["killed", "injured"])
def test_casualty_low_above_high_is_rejected_even_without_best(prefix):
    incident = IncidentFactory()
    assert_db_rejects(
        Incident.objects.filter(pk=incident.pk),
        f"incident_{prefix}_low_le_high",
        **{f"{prefix}_low": 5, f"{prefix}_high": 2},
    )


def test_casualty_range_in_order_is_accepted():
    incident = IncidentFactory(killed_low=1, killed_best=2, killed_high=5, injured_low=0, injured_best=0)
    incident.full_clean()
    incident.refresh_from_db()
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (1, 2, 5)


@pytest.mark.parametrize(
    "field", ["killed_best", "killed_low", "killed_high", "injured_best", "injured_low", "injured_high"]
)
def test_negative_casualty_figure_is_impossible(field):
    incident = IncidentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=incident.pk).update(**{field: -1})
    setattr(incident, field, -1)
    with pytest.raises(ValidationError) as excinfo:
        incident.full_clean()
    assert field in excinfo.value.message_dict


# --- Incident.clean messages ------------------------------------------------------------------


def test_clean_explains_an_end_date_before_the_start():
    incident = IncidentFactory.build(
        location=LocationFactory(), date_start=datetime.date(2023, 12, 8), date_end=datetime.date(2023, 12, 1)
    )
    with pytest.raises(ValidationError) as excinfo:
        incident.full_clean()
    assert excinfo.value.message_dict == {"date_end": ["The end date cannot be before the start date."]}


def test_clean_explains_a_sub_event_type_from_another_event_type():
    incident = IncidentFactory.build(
        location=LocationFactory(), event_type=taxonomy.BATTLES, sub_event_type="Air/drone strike"
    )
    with pytest.raises(ValidationError) as excinfo:
        incident.full_clean()
    assert excinfo.value.message_dict == {
        "sub_event_type": ["“Air/drone strike” is not a sub-event type of “Battles”."]
    }


def test_clean_explains_casualty_figures_out_of_order():
    incident = IncidentFactory.build(location=LocationFactory(), killed_low=4, killed_best=3)
    with pytest.raises(ValidationError) as excinfo:
        incident.full_clean()
    assert excinfo.value.message_dict == {"killed_best": ["Killed figures must go low ≤ best ≤ high."]}


@pytest.mark.parametrize(
    ("low", "best", "high"),
    [(4, 3, None), (None, 3, 2), (5, None, 2), (5, 3, 2), (1, 4, 2)],
    ids=["low>best", "best>high", "low>high-no-best", "all-reversed", "best-above-high"],
)
def test_clean_explains_casualty_order_once_whatever_the_combination(low, best, high):
    incident = IncidentFactory.build(
        location=LocationFactory(), injured_low=low, injured_best=best, injured_high=high
    )
    with pytest.raises(ValidationError) as excinfo:
        incident.full_clean()
    assert excinfo.value.message_dict == {"injured_best": ["Injured figures must go low ≤ best ≤ high."]}


def test_clean_explains_a_zero_count():
    incident = IncidentFactory.build(location=LocationFactory(), count=0)
    with pytest.raises(ValidationError) as excinfo:
        incident.full_clean()
    assert excinfo.value.messages == ["The count must be at least 1."]


def test_clean_asks_for_a_point_when_the_location_has_none():
    nowhere = LocationFactory(point=None)
    incident = IncidentFactory.build(location=nowhere, point=None, geo_precision=3)
    with pytest.raises(ValidationError) as excinfo:
        incident.full_clean()
    assert excinfo.value.message_dict == {"point": ["The location has no point: draw one on the map."]}


def test_point_end_date_and_precision_default_from_the_location_and_start():
    place = LocationFactory(point=Point(43.0, 35.0, srid=4326), geo_precision=2)
    incident = IncidentFactory.build(location=place, date_end=None, point=None, geo_precision=None)
    incident.full_clean()
    incident.save()
    incident.refresh_from_db()
    assert incident.date_end == incident.date_start
    assert incident.point.coords == (43.0, 35.0)
    assert incident.geo_precision == 2


# --- Statements and evidence offsets ------------------------------------------------------------


def test_statement_without_speaker_is_rejected_by_the_database():
    statement = StatementFactory(speaker_description="a security source")
    assert_db_rejects(
        Statement.objects.filter(pk=statement.pk), "statement_has_speaker", speaker_actor=None, speaker_description=""
    )


def test_statement_with_only_an_actor_as_speaker_is_accepted():
    statement = StatementFactory(speaker_actor=ActorFactory(), speaker_description="")
    statement.full_clean()
    assert Statement.objects.filter(pk=statement.pk, speaker_description="").exists()


@pytest.mark.parametrize("description", ["", "   "])
def test_statement_clean_asks_for_a_speaker(description):
    statement = StatementFactory.build(source=SourceFactory(), speaker_description=description)
    with pytest.raises(ValidationError) as excinfo:
        statement.full_clean()
    assert excinfo.value.messages == ["Name the speaker: choose an actor or describe the speaker."]


@pytest.mark.parametrize(
    ("start", "end"),
    [(10, 10), (10, 5), (None, 5), (5, None)],
    ids=["empty", "backwards", "end-only", "start-only"],
)
@pytest.mark.parametrize("model", [IncidentSource, Statement])
def test_offsets_out_of_order_or_half_given_are_rejected(model, start, end):
    row = IncidentSourceFactory() if model is IncidentSource else StatementFactory()
    constraint = "incident_source_offsets_ordered" if model is IncidentSource else "statement_offsets_ordered"
    assert_db_rejects(model.objects.filter(pk=row.pk), constraint, start_offset=start, end_offset=end)


@pytest.mark.parametrize("model", [IncidentSource, Statement])
def test_offsets_given_in_order_or_not_at_all_are_accepted(model):
    row = IncidentSourceFactory() if model is IncidentSource else StatementFactory()
    model.objects.filter(pk=row.pk).update(start_offset=3, end_offset=4)
    model.objects.filter(pk=row.pk).update(start_offset=None, end_offset=None)
    assert model.objects.filter(pk=row.pk, start_offset=None, end_offset=None).exists()


def test_offsets_clean_messages():
    source = SourceFactory(text="short text")
    statement = StatementFactory.build(source=source, start_offset=5, end_offset=None)
    with pytest.raises(ValidationError) as excinfo:
        statement.full_clean()
    assert excinfo.value.message_dict == {"end_offset": ["Give both offsets or neither."]}
    statement.start_offset, statement.end_offset = None, 5
    with pytest.raises(ValidationError) as excinfo:
        statement.full_clean()
    assert excinfo.value.message_dict == {"start_offset": ["Give both offsets or neither."]}
    statement.start_offset = statement.end_offset = 5
    with pytest.raises(ValidationError) as excinfo:
        statement.full_clean()
    assert excinfo.value.message_dict == {"end_offset": ["The end offset must be after the start offset."]}
    statement.end_offset = 50
    with pytest.raises(ValidationError) as excinfo:
        statement.full_clean()
    assert excinfo.value.message_dict == {"end_offset": ["The offsets run past the end of the source text."]}


# --- Sources ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "again"),
    [
        ("Two rockets struck the base.", "Two rockets struck the base."),
        ("Two rockets struck the base.", "  Two   rockets\nstruck\tthe base.  \n"),
        ("Café attacked in the old town.", unicodedata.normalize("NFD", "Café attacked in the old town.")),
        ("قصف بطائرة مسيّرة على قاعدة عين الأسد", "قصف  بطائرة مسيّرة\nعلى قاعدة عين الأسد "),
        ("هجوم على قاعدة آمرلي", "هجوم على قاعدة " + "\u0627\u0653" + "مرلي"),
    ],
    ids=["identical", "whitespace", "nfd-latin", "arabic-whitespace", "arabic-madda-decomposed"],
)
def test_duplicate_source_text_is_rejected_by_the_content_hash(stored, again):
    SourceFactory(text=stored)
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        SourceFactory(text=again)
    assert "content_hash" in str(excinfo.value)
    assert Source.objects.count() == 1


def test_source_clean_accepts_the_stored_source_itself():
    source = SourceFactory(text="Two rockets struck the base.")
    source.title = "Corrected title"
    source.full_clean()


def test_different_source_texts_are_both_stored():
    SourceFactory(text="Two rockets struck the base.")
    SourceFactory(text="Three rockets struck the base.")
    assert Source.objects.count() == 2


def test_content_hash_follows_an_edited_text():
    source = SourceFactory(text="First version.")
    source.text = "Second version."
    source.save(update_fields=["text"])
    assert Source.objects.with_hash("Second   version.").get() == source
    assert not Source.objects.with_hash("First version.").exists()


def test_empty_source_text_is_rejected_by_the_database():
    source = SourceFactory()
    assert_db_rejects(Source.objects.filter(pk=source.pk), "source_text_not_empty", text="")


def test_source_clean_explains_a_duplicate_text():
    SourceFactory(title="Rockets hit", text="Two rockets struck the base.")
    duplicate = SourceFactory.build(text="Two rockets   struck the base.")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert excinfo.value.message_dict == {"text": ["This text is already stored as the source “Rockets hit”."]}


# --- Locations and actors ------------------------------------------------------------------------


@pytest.mark.parametrize("model_factory", [LocationFactory, ActorFactory], ids=["location", "actor"])
def test_row_cannot_be_its_own_parent(model_factory):
    row = model_factory()
    model = type(row)
    constraint = "location_not_own_parent" if model is Location else "actor_not_own_parent"
    assert_db_rejects(model.objects.filter(pk=row.pk), constraint, parent=F("id"))


def test_location_clean_catches_a_cycle():
    a = LocationFactory(kind=LocationKind.DISTRICT)
    b = LocationFactory(kind=LocationKind.TOWN, parent=a)
    a.parent = b
    with pytest.raises(ValidationError) as excinfo:
        a.full_clean()
    assert excinfo.value.message_dict == {"parent": ["A location cannot be inside itself."]}


def test_location_clean_catches_itself_as_parent():
    a = LocationFactory()
    a.parent = a
    with pytest.raises(ValidationError) as excinfo:
        a.full_clean()
    assert excinfo.value.message_dict == {"parent": ["A location cannot be inside itself."]}


def test_actor_clean_catches_a_cycle():
    umbrella = ActorFactory()
    member = ActorFactory(parent=umbrella)
    umbrella.parent = member
    with pytest.raises(ValidationError) as excinfo:
        umbrella.full_clean()
    assert excinfo.value.message_dict == {"parent": ["An actor cannot be part of itself."]}


def test_governorate_is_derived_from_the_parent_chain():
    iraq = CountryFactory()
    baghdad = GovernorateFactory(parent=iraq)
    district = LocationFactory(kind=LocationKind.DISTRICT, parent=baghdad, country_code="")
    town = LocationFactory(kind=LocationKind.TOWN, parent=district)
    loose = LocationFactory(kind=LocationKind.AREA, parent=iraq)
    for row in (iraq, baghdad, district, town, loose):
        row.refresh_from_db()
    assert iraq.governorate is None
    assert baghdad.governorate == baghdad
    assert district.governorate == baghdad
    assert town.governorate == baghdad
    assert loose.governorate is None
    assert district.country_code == "IQ"


def test_governorate_follows_a_move_to_another_governorate():
    iraq = CountryFactory()
    baghdad = GovernorateFactory(parent=iraq)
    anbar = GovernorateFactory(slug="iq-anbar", name_en="Anbar", name_ar="الأنبار", parent=iraq)
    district = LocationFactory(kind=LocationKind.DISTRICT, parent=baghdad)
    town = LocationFactory(kind=LocationKind.TOWN, parent=district)
    base = LocationFactory(kind=LocationKind.MILITARY_BASE, parent=town)

    district.parent = anbar
    district.save()

    for row in (district, town, base):
        row.refresh_from_db()
    assert (district.governorate, town.governorate, base.governorate) == (anbar, anbar, anbar)
    assert Location.objects.filter(governorate=baghdad).get() == baghdad


def test_saving_a_governorate_leaves_its_own_governorate_alone():
    baghdad = GovernorateFactory()
    baghdad.name_en = "Baghdad Governorate"
    baghdad.save()
    baghdad.refresh_from_db()
    assert baghdad.governorate == baghdad


# --- QuerySet methods ---------------------------------------------------------------------------


def test_published_returns_only_published_incidents():
    published = IncidentFactory(status=Status.PUBLISHED)
    draft = IncidentFactory(status=Status.DRAFT)
    assert list(Incident.objects.published()) == [published]
    assert list(Incident.objects.drafts()) == [draft]


def test_between_returns_incidents_whose_dates_overlap_the_range():
    d = datetime.date
    before = IncidentFactory(date_start=d(2023, 11, 1), date_end=d(2023, 11, 30))
    straddling = IncidentFactory(date_start=d(2023, 11, 25), date_end=d(2023, 12, 3))
    inside = IncidentFactory(date_start=d(2023, 12, 10))
    last_day = IncidentFactory(date_start=d(2023, 12, 31))
    after = IncidentFactory(date_start=d(2024, 1, 1))

    def pks(queryset):
        return set(queryset.values_list("pk", flat=True))

    assert pks(Incident.objects.between(d(2023, 12, 1), d(2023, 12, 31))) == {
        straddling.pk,
        inside.pk,
        last_day.pk,
    }
    assert pks(Incident.objects.between(start=d(2023, 12, 31))) == {last_day.pk, after.pk}
    assert pks(Incident.objects.between(end=d(2023, 11, 24))) == {before.pk}
    assert pks(Incident.objects.between()) == {before.pk, straddling.pk, inside.pk, last_day.pk, after.pk}


def test_in_bbox_keeps_points_inside_the_box():
    in_iraq = IncidentFactory(point=Point(44.37, 33.31, srid=4326))
    in_syria = IncidentFactory(point=Point(40.14, 36.69, srid=4326))
    iraq_box = (38.8, 29.0, 48.6, 37.4)
    assert list(Incident.objects.in_bbox(*(44.0, 33.0, 45.0, 34.0))) == [in_iraq]
    assert set(Incident.objects.in_bbox(*iraq_box)) == {in_iraq, in_syria}
    assert list(Incident.objects.in_bbox(*(35.7, 35.0, 42.4, 37.3))) == [in_syria]
    assert set(
        Location.objects.in_bbox(44.0, 33.0, 45.0, 34.0).values_list("pk", flat=True)
    ) == {in_iraq.location.pk, in_syria.location.pk, in_iraq.location.parent.pk}


@pytest.mark.parametrize("bearing", [0, 90, 225], ids=["north", "east", "south-west"])
def test_near_measures_real_kilometres(bearing):
    centre = Point(*BAGHDAD, srid=4326)
    at_5_km = IncidentFactory(point=point_at(BAGHDAD, km=5, bearing_deg=bearing))
    at_9_6_km = IncidentFactory(point=point_at(BAGHDAD, km=9.6, bearing_deg=bearing))
    IncidentFactory(point=point_at(BAGHDAD, km=10.4, bearing_deg=bearing))
    IncidentFactory(point=point_at(BAGHDAD, km=50, bearing_deg=bearing))
    assert set(Incident.objects.near(centre, km=10)) == {at_5_km, at_9_6_km}
    assert Incident.objects.near(centre, km=60).count() == 4
    assert not Incident.objects.near(centre, km=1).exists()


def test_location_near_measures_real_kilometres():
    centre = Point(*BAGHDAD, srid=4326)
    close = LocationFactory(parent=None, point=point_at(BAGHDAD, km=5, bearing_deg=90))
    LocationFactory(parent=None, point=point_at(BAGHDAD, km=50, bearing_deg=90))
    LocationFactory(parent=None, point=None)
    assert list(Location.objects.near(centre, km=10)) == [close]


def test_queryset_methods_chain():
    centre = Point(*BAGHDAD, srid=4326)
    wanted = IncidentFactory(point=point_at(BAGHDAD, km=3, bearing_deg=0), date_start=datetime.date(2023, 12, 3))
    IncidentFactory(point=point_at(BAGHDAD, km=3, bearing_deg=0), status=Status.DRAFT)
    IncidentFactory(point=point_at(BAGHDAD, km=3, bearing_deg=0), date_start=datetime.date(2024, 2, 1))
    chained = (
        Incident.objects.published()
        .between(datetime.date(2023, 12, 1), datetime.date(2023, 12, 31))
        .in_bbox(44.0, 33.0, 45.0, 34.0)
        .near(centre, km=10)
        .with_related()
    )
    assert list(chained) == [wanted]


def test_matching_name_finds_english_arabic_and_alias():
    base = LocationFactory(name_en="Ain al-Asad", name_ar="عين الأسد", aliases=["Al Asad Airbase"])
    assert Location.objects.matching_name("ain AL-asad").get() == base
    assert Location.objects.matching_name("عين الأسد").get() == base
    assert Location.objects.matching_name("Al Asad Airbase").get() == base
    assert not Actor.objects.matching_name("Ain al-Asad").exists()
