"""The incident list's filters: each one, their combinations, Arabic search, and a 400 per bad value."""
import datetime

import pytest
from django.contrib.gis.geos import Point
from django.core.cache import cache
from django.test import Client, RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.request import Request
from rest_framework.test import APIClient

from incidents.api.filters import filter_incidents
from incidents.models import ActorRole, LocationKind, Status, Verification

from .factories import (
    ActorFactory,
    GovernorateFactory,
    IncidentActorFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/incidents/"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def ids(api, **params):
    """Return the ids the list gives for `params`, having checked that the facts select the same ones.

    The count and the aggregates filter the incidents' facts (IncidentFact), not the incidents: every filter
    test here is also a test that the facts and the incidents agree.
    """
    response = api.get(LIST_URL, {"page_size": 1000, **params})
    assert response.status_code == 200, response.content
    listed = sorted(feature["id"] for feature in response.json()["features"])
    assert response.json()["count"] == len(listed)
    request = Request(RequestFactory().get(LIST_URL, params))
    assert sorted(filter_incidents(request, facts=True).values_list("pk", flat=True)) == listed
    return listed


def errors(api, **params):
    response = api.get(LIST_URL, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


# --- Dates --------------------------------------------------------------------------------------


def test_dates_overlap_as_between_decides(api):
    month = IncidentFactory(date_start=datetime.date(2023, 11, 1), date_end=datetime.date(2023, 11, 30))
    day = IncidentFactory(date_start=datetime.date(2023, 11, 15))

    assert ids(api, date_from="2023-11-20") == [month.pk]
    assert ids(api, date_to="2023-11-10") == [month.pk]
    assert ids(api, date_from="2023-11-15", date_to="2023-11-15") == sorted([month.pk, day.pk])
    assert ids(api, date_from="2023-12-01") == []


# --- Types, verification, casualties --------------------------------------------------------------


def test_sub_event_type_and_verification(api):
    shelling = IncidentFactory(verification=Verification.CONFIRMED)
    clash = IncidentFactory(event_type="Battles", sub_event_type="Armed clash")

    assert ids(api, sub_event_type="Armed clash") == [clash.pk]
    assert ids(api, verification="confirmed") == [shelling.pk]
    assert ids(api, verification="reported") == [clash.pk]


def test_killed_min_and_injured_min_keep_incidents_with_at_least_that_many(api):
    many = IncidentFactory(killed_best=5, injured_best=1)
    few = IncidentFactory(killed_best=1, injured_best=10)
    IncidentFactory(killed_best=None, injured_best=None)

    assert ids(api, killed_min="2") == [many.pk]
    assert ids(api, killed_min="0") == sorted([many.pk, few.pk])
    assert ids(api, injured_min="10") == [few.pk]


# --- Actors ---------------------------------------------------------------------------------------


@pytest.fixture
def kataib():
    return ActorFactory(name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله", aliases=["KH"])


def test_actor_by_id_name_arabic_name_or_alias_in_any_role(api, kataib):
    perpetrated = IncidentFactory()
    IncidentActorFactory(incident=perpetrated, actor=kataib, role=ActorRole.PERPETRATOR)
    targeted = IncidentFactory()
    IncidentActorFactory(incident=targeted, actor=kataib, role=ActorRole.TARGET)
    IncidentActorFactory(incident=IncidentFactory())
    both = sorted([perpetrated.pk, targeted.pk])

    assert ids(api, actor=str(kataib.pk)) == both
    assert ids(api, actor="kata'ib hezbollah") == both
    assert ids(api, actor="كتائب حزب الله") == both
    assert ids(api, actor="KH") == both
    assert ids(api, actor="Nobody at all") == []


def test_role_filters_keep_the_actor_in_that_role_only(api, kataib):
    roles = {}
    for role in (ActorRole.PERPETRATOR, ActorRole.TARGET, ActorRole.CLAIMANT, ActorRole.INTERCEPTOR):
        incident = IncidentFactory()
        IncidentActorFactory(incident=incident, actor=kataib, role=role)
        roles[role] = incident.pk

    assert ids(api, perpetrator="Kata'ib Hezbollah") == [roles[ActorRole.PERPETRATOR]]
    assert ids(api, target=str(kataib.pk)) == [roles[ActorRole.TARGET]]
    assert ids(api, claimant="KH") == [roles[ActorRole.CLAIMANT]]
    assert ids(api, interceptor="كتائب حزب الله") == [roles[ActorRole.INTERCEPTOR]]


def test_an_incident_with_two_matching_actor_links_is_listed_once(api, kataib):
    incident = IncidentFactory()
    IncidentActorFactory(incident=incident, actor=kataib, role=ActorRole.PERPETRATOR)
    IncidentActorFactory(incident=incident, actor=kataib, role=ActorRole.CLAIMANT)

    response = api.get(LIST_URL, {"actor": "KH"})

    assert [feature["id"] for feature in response.json()["features"]] == [incident.pk]
    assert response.json()["count"] == 1


# --- Places ---------------------------------------------------------------------------------------


@pytest.fixture
def places():
    baghdad = GovernorateFactory()
    syria = LocationFactory(slug="sy", name_en="Syria", name_ar="سوريا", kind=LocationKind.COUNTRY, parent=None, country_code="SY")
    deir = LocationFactory(
        slug="sy-deir", name_en="Deir ez-Zor", name_ar="دير الزور", kind=LocationKind.GOVERNORATE, parent=syria, country_code="SY"
    )
    district = LocationFactory(name_en="Al-Mayadin District", kind=LocationKind.DISTRICT, parent=deir, country_code="SY")
    town = LocationFactory(name_en="Al-Mayadin", kind=LocationKind.TOWN, parent=district, country_code="SY")
    base = LocationFactory(name_en="Victory Base", parent=baghdad)
    return {"baghdad": baghdad, "deir": deir, "district": district, "town": town, "base": base}


def test_country_by_iso_code_in_either_case(api, places):
    iraqi = IncidentFactory(location=places["base"])
    syrian = IncidentFactory(location=places["town"])

    assert ids(api, country="IQ") == [iraqi.pk]
    assert ids(api, country="sy") == [syrian.pk]


def test_admin1_by_id_english_or_arabic_name(api, places):
    IncidentFactory(location=places["base"])
    syrian = IncidentFactory(location=places["town"])

    assert ids(api, admin1=str(places["deir"].pk)) == [syrian.pk]
    assert ids(api, admin1="deir ez-zor") == [syrian.pk]
    assert ids(api, admin1="دير الزور") == [syrian.pk]
    # A town is not a governorate.
    assert ids(api, admin1="Al-Mayadin") == []


def test_location_includes_the_places_inside_it(api, places):
    in_town = IncidentFactory(location=places["town"])
    in_district = IncidentFactory(location=places["district"])
    IncidentFactory(location=places["base"])

    assert ids(api, location=str(places["district"].pk)) == sorted([in_town.pk, in_district.pk])
    assert ids(api, location=str(places["town"].pk)) == [in_town.pk]
    assert ids(api, location="999999") == []


def test_in_bbox_keeps_the_points_strictly_inside(api):
    inside = IncidentFactory(point=Point(44.39, 35.47, srid=4326))
    IncidentFactory(point=Point(44.0, 35.47, srid=4326))  # on the west edge: not strictly inside
    IncidentFactory(point=Point(40.0, 33.0, srid=4326))

    assert ids(api, in_bbox="44.0,35.0,45.0,36.0") == [inside.pk]
    assert ids(api, in_bbox="39.5,32.5,40.5,33.5", event_type="Battles") == []


def test_near_keeps_incidents_within_the_radius(api):
    # Kirkuk (44.39, 35.47); Erbil about 80 km north-west; Baghdad about 240 km south.
    kirkuk = IncidentFactory(point=Point(44.39, 35.47, srid=4326))
    erbil = IncidentFactory(point=Point(44.01, 36.19, srid=4326))
    IncidentFactory(point=Point(44.40, 33.33, srid=4326))

    assert ids(api, near="44.39,35.47", radius_km="10") == [kirkuk.pk]
    assert ids(api, near="44.39,35.47", radius_km="100") == sorted([kirkuk.pk, erbil.pk])


# --- Sources, text --------------------------------------------------------------------------------


def test_source_by_id(api):
    source = SourceFactory()
    reported = IncidentFactory()
    IncidentSourceFactory(incident=reported, source=source)
    IncidentSourceFactory(incident=IncidentFactory())

    assert ids(api, source=str(source.pk)) == [reported.pk]


def test_q_searches_titles_and_description_in_both_languages(api):
    english = IncidentFactory(title="Drone downed over Erbil airport", title_ar="")
    arabic = IncidentFactory(title="Attack", title_ar="هجوم على قاعدة حرير")
    described = IncidentFactory(title="Attack", description="Two rockets landed near the Green Zone.")

    assert ids(api, q="erbil") == [english.pk]
    assert ids(api, q="حرير") == [arabic.pk]
    assert ids(api, q="green zone") == [described.pk]
    assert ids(api, q="rockets zone") == [described.pk]
    assert ids(api, q="rockets erbil") == []


def test_q_finds_a_word_inside_a_longer_one(api):
    # Arabic joins "and", "the" and prepositions to the word: القاعدة, والقاعدة, بالقاعدة.
    incident = IncidentFactory(title_ar="صواريخ سقطت بالقاعدة")

    assert ids(api, q="قاعدة") == [incident.pk]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("الأمريكية", "الامريكيه"),  # hamza on alef, teh marbuta
        ("إيران", "ايران"),  # hamza under alef
        ("آمرلي", "امرلي"),  # madda
        ("مستشفى", "مستشفي"),  # alef maksura
        ("القــاعدة", "القاعدة"),  # tatweel
        ("مُسَيَّرَة", "مسيرة"),  # harakat
        ("مسيرة", "مُسَيَّرَةٌ"),  # harakat in the query
        ("السفاره", "السفارة"),  # teh marbuta typed, heh stored
    ],
)
def test_q_matches_arabic_whatever_the_spelling_of_hamza_teh_marbuta_yeh_tatweel_and_diacritics(api, stored, typed):
    incident = IncidentFactory(title_ar=f"هجوم {stored} اليوم")
    IncidentFactory(title_ar="هجوم آخر")

    assert ids(api, q=typed) == [incident.pk]


def test_q_searches_evidence_excerpts_added_by_any_path(api):
    incident = IncidentFactory(title="Attack", title_ar="هجوم")
    assert ids(api, q="katyusha") == []

    link = IncidentSourceFactory(incident=incident, excerpt="Three Katyusha rockets fell near the airport.")
    assert ids(api, q="katyusha") == [incident.pk]

    link.excerpt = "Three rockets fell."
    link.save()
    assert ids(api, q="katyusha") == []

    IncidentSourceFactory(incident=incident, excerpt="أطلقت صواريخ كاتيوشا")
    assert ids(api, q="كاتيوشا") == [incident.pk]


def test_q_searches_evidence_loaded_in_bulk_and_forgets_deleted_evidence(api):
    from incidents.models import IncidentSource

    first, second = IncidentFactory(), IncidentFactory()
    source = SourceFactory()
    IncidentSource.objects.bulk_create(
        [IncidentSource(incident=incident, source=source, excerpt="صواريخ غراد على المطار") for incident in (first, second)]
    )
    assert ids(api, q="غراد") == sorted([first.pk, second.pk])

    IncidentSource.objects.filter(incident=first).delete()
    assert ids(api, q="غراد") == [second.pk]


def test_q_does_not_search_the_editors_note(api):
    IncidentFactory(editor_note="Unverified: confirm with the ministry")

    assert ids(api, q="ministry") == []


def test_q_takes_percent_and_underscore_literally(api):
    IncidentFactory(title="Attack on base one, 1000 shells")
    percent = IncidentFactory(title="Attack on 100% of bases")

    assert ids(api, q="100%") == [percent.pk]
    assert ids(api, q="e_o") == []


# --- Combinations and the shared entry point ------------------------------------------------------


def test_filters_combine(api, kataib, places):
    wanted = IncidentFactory(location=places["town"], killed_best=3, date_start=datetime.date(2024, 1, 5), title="Strike on Mayadin")
    IncidentActorFactory(incident=wanted, actor=kataib, role=ActorRole.TARGET)
    same_but_earlier = IncidentFactory(location=places["town"], killed_best=3, date_start=datetime.date(2023, 6, 1))
    IncidentActorFactory(incident=same_but_earlier, actor=kataib, role=ActorRole.TARGET)
    same_but_perpetrator = IncidentFactory(location=places["town"], killed_best=3, date_start=datetime.date(2024, 1, 5))
    IncidentActorFactory(incident=same_but_perpetrator, actor=kataib, role=ActorRole.PERPETRATOR)
    IncidentFactory(location=places["base"], killed_best=3, date_start=datetime.date(2024, 1, 5))

    params = {
        "target": "KH",
        "country": "SY",
        "admin1": "Deir ez-Zor",
        "date_from": "2024-01-01",
        "killed_min": "2",
        "in_bbox": "-180,-90,180,90",
        "q": "mayadin",
    }

    assert ids(api, **params) == [wanted.pk]
    assert api.get(LIST_URL, params).json()["count"] == 1


def test_filter_incidents_never_returns_drafts_even_from_a_queryset_with_them(rf):
    from rest_framework.request import Request

    from incidents.models import Incident

    published = IncidentFactory(title="Published strike")
    IncidentFactory(status=Status.DRAFT, title="Draft strike")
    request = Request(rf.get(LIST_URL, {"q": "strike"}))

    assert list(filter_incidents(request)) == [published]
    assert list(filter_incidents(request, Incident.objects.all())) == [published]


def test_drafts_never_match_a_filter(api):
    draft = IncidentFactory(status=Status.DRAFT, title="Secret draft", killed_best=9)

    assert draft.pk not in ids(api, q="secret")
    assert draft.pk not in ids(api, killed_min="9")
    assert api.get(LIST_URL, {"q": "secret"}).json()["count"] == 0


# --- A 400 naming the parameter, for every malformed value ----------------------------------------

BAD_VALUES = [
    ("date_from", "2023-13-01"),
    ("date_to", "yesterday"),
    ("event_type", "Picnic"),
    ("sub_event_type", "Picnic"),
    ("verification", "certain"),
    ("killed_min", "-1"),
    ("killed_min", "two"),
    ("injured_min", "٣"),
    ("country", "IRQ"),
    ("country", "1Q"),
    ("location", "baghdad"),
    ("location", "-3"),
    ("source", "x"),
    ("in_bbox", "1,2,3"),
    ("q", "ab"),
    ("q", "x" * 201),
    ("actor", "x" * 201),
    ("admin1", "x" * 201),
    ("perpetrator", "x" * 201),
    ("updated_since", "2024-01-01 10:00"),
    ("updated_since", "2024-02-30T00:00:00Z"),
    ("updated_since", "last week"),
    ("ordering", "title"),
    ("ordering", "-id"),
    ("cursor", "not a cursor"),
    ("cursor", "ZGF0ZXwyMDIzLTEyLTA4fDE"),  # a well-made cursor of another ordering ("date")
    ("page", "1.5"),
    ("page_size", "many"),
]


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=[f"{n}={v[:20]!r}" for n, v in BAD_VALUES])
def test_a_malformed_value_is_a_400_naming_its_parameter(api, name, value):
    IncidentFactory()

    assert list(errors(api, **{name: value})) == [name]


@pytest.mark.parametrize(
    ("params", "name", "message"),
    [
        ({"near": "44.39"}, "near", "Give a point as longitude,latitude in degrees, for example 44.39,35.47."),
        ({"near": "200,35", "radius_km": "5"}, "near", "Longitudes run from -180 to 180 and latitudes from -90 to 90."),
        ({"near": "44.39,35.47"}, "radius_km", "Give radius_km (kilometres) with near."),
        ({"radius_km": "10"}, "near", "Give near (longitude,latitude) with radius_km."),
        ({"near": "44.39,35.47", "radius_km": "0"}, "radius_km", "Give a distance in kilometres above 0 and up to 1000, for example 25 or 2.5."),
        ({"near": "44.39,35.47", "radius_km": "5000"}, "radius_km", "Give a distance in kilometres above 0 and up to 1000, for example 25 or 2.5."),
        ({"near": "44.39,35.47", "radius_km": "nan"}, "radius_km", "Give a distance in kilometres above 0 and up to 1000, for example 25 or 2.5."),
        ({"q": "a b"}, "q", "Search for at least one word of three letters or more."),
        ({"country": "Iraq"}, "country", "Give a country as its two-letter ISO code, for example IQ."),
        ({"updated_since": "soon"}, "updated_since", "Enter a date and time in ISO 8601, for example 2024-01-31T18:00:00Z."),
        ({"ordering": "name"}, "ordering", "Order by one of: -date, date, -updated, updated, -killed, killed."),
        ({"cursor": "%%%"}, "cursor", "This cursor is not one the API gave for this ordering: follow the next link."),
        ({"cursor": "x", "ordering": "killed"}, "cursor", "Cursor paging works with the orderings date, -date, updated and -updated; use page."),
        ({"cursor": "x", "page": "2"}, "cursor", "Give either cursor or page, not both."),
    ],
)
def test_the_400_says_what_is_wrong(api, params, name, message):
    assert errors(api, **params) == {name: [message]}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "a b"}, "ابحث عن كلمة واحدة على الأقل من ثلاثة أحرف أو أكثر."),
        ({"near": "44.39,35.47"}, "أدخل radius_km (بالكيلومترات) مع near."),
        ({"cursor": "x"}, "هذا المؤشر ليس مما أعطته الواجهة لهذا الترتيب: اتبع رابط next."),
    ],
)
def test_the_400_is_in_arabic_for_arabic_clients(api, params, message):
    response = api.get(LIST_URL, params, HTTP_ACCEPT_LANGUAGE="ar")

    assert list(response.json().values()) == [[message]]


def test_an_incident_id_beyond_the_integer_range_is_not_found(api):
    assert api.get(f"{LIST_URL}99999999999999999999/").status_code == 404
    assert api.get(LIST_URL, {"location": "999999999"}).status_code == 200


# --- Property-based: any text in any of these parameters is an answer, never a server error -------

NEW_PARAMETERS = [
    "actor", "perpetrator", "target", "claimant", "interceptor", "country", "admin1", "location", "near",
    "radius_km", "verification", "killed_min", "injured_min", "q", "source", "updated_since", "ordering",
    "cursor", "sub_event_type",
]  # fmt: skip


@pytest.mark.parametrize("name", NEW_PARAMETERS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=40))
def test_any_text_in_a_filter_is_never_a_server_error(name, value):
    client = Client(raise_request_exception=False)
    params = {name: value, "radius_km": "5"} if name == "near" else {name: value}

    response = client.get(LIST_URL, params)

    assert response.status_code in (200, 400), response.content[:300]
    if response.status_code == 400:
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("value", ["0038-09-28T04:46:35-17:40", "2024-01-01T00:00+15:00", "0001-01-01T00:00+01:00"])
def test_an_instant_with_an_offset_no_clock_uses_is_a_client_error(api, value):
    response = api.get(LIST_URL, {"updated_since": value})

    assert response.status_code == 400
    assert list(response.json()) == ["updated_since"]
