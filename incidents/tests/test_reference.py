"""The reference-data loader: the shipped gazetteer and actors, loaded idempotently."""
import io

import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command

from incidents import reference
from incidents.models import Actor, Location


def load(*args):
    out = io.StringIO()
    call_command("load_reference", *args, stdout=out)
    return out.getvalue()


def test_every_location_row_comes_after_its_parent_and_slugs_are_unique():
    rows = reference.location_rows()
    seen = set()
    for row in rows:
        assert row.slug not in seen, row.slug
        assert row.parent is None or row.parent in seen, f"{row.slug} comes before its parent {row.parent}"
        seen.add(row.slug)


def test_geonames_admin1_codes_map_provincial_capitals_to_their_governorates():
    by_slug = {row.slug: row for row in reference.location_rows()}
    capitals = {
        "gn-94787": "Kirkuk",  # Kirkuk
        "gn-95446": "Erbil",  # Erbil
        "gn-99072": "Nineveh",  # Mosul
        "gn-98717": "Anbar",  # Ramadi
        "gn-170063": "Aleppo",  # Aleppo
        "gn-170794": "Deir-ez-Zor",  # Deir ez-Zor
        "gn-173811": "Al-Hasakeh",  # Al Hasakah
    }
    for slug, governorate in capitals.items():
        assert by_slug[by_slug[slug].parent].name_en == governorate, slug


def test_curated_sites_have_arabic_names_and_lie_in_the_region():
    sites = list(reference.site_rows([r for r in reference.location_rows() if r.kind == "governorate"]))
    assert len(sites) >= 25
    for site in sites:
        assert site.name_ar, site.slug
        assert 29 <= site.lat <= 38 and 35 <= site.lon <= 49, site.slug


def test_actor_rows_parents_first_and_no_cycles():
    seen = set()
    for row in reference.actor_rows():
        assert row.parent is None or row.parent in seen
        seen.add(row.slug)


def test_parents_first_refuses_a_cycle():
    rows = [
        reference.ActorRow("a", "A", "", "state", "b", "", [], ""),
        reference.ActorRow("b", "B", "", "state", "a", "", [], ""),
    ]
    with pytest.raises(ValueError, match="cycle"):
        reference.parents_first(rows)


@pytest.mark.django_db
def test_load_reference_is_idempotent_and_restores_edited_rows():
    first = load()
    assert "locations: 0 created" not in first
    locations, actors = Location.objects.count(), Actor.objects.count()
    history = Location.history.count() + Actor.history.count()
    assert locations > 1500 and actors > 60

    second = load()
    assert "0 created, 0 updated" in second
    assert (Location.objects.count(), Actor.objects.count()) == (locations, actors)
    assert Location.history.count() + Actor.history.count() == history

    # An edit to a shipped row is put back by the next load, recorded once in the history.
    base = Location.objects.get(slug="ain-al-asad-air-base")
    base.name_en = "Wrong name"
    base.save()
    third = load("--only", "locations")
    assert "0 created, 1 updated" in third
    base.refresh_from_db()
    assert base.name_en == "Ain al-Asad Air Base"


@pytest.mark.django_db
def test_loaded_gazetteer_links_places_to_countries_and_governorates():
    load()
    base = Location.objects.get(slug="ain-al-asad-air-base")
    assert base.name_ar.startswith("قاعدة عين الأسد") or base.name_ar == "عين الأسد"
    assert base.governorate.name_en == "Anbar"
    assert base.country_code == "IQ"
    # Within 3 km of the published airfield position (33.7856 N, 42.4412 E).
    assert Location.objects.filter(pk=base.pk).near(Point(42.4412, 33.7856, srid=4326), km=3).exists()
    assert Location.objects.get(slug="al-tanf-garrison").governorate.country_code == "SY"
    assert Location.objects.get(slug="gn-94787").governorate.name_en == "Kirkuk"
    assert Location.objects.matching_name("Al Asad Airbase").filter(slug="ain-al-asad-air-base").exists()
    assert Location.objects.countries().count() == 3
    assert Location.objects.governorates().filter(country_code="IQ").count() == 19
    assert Location.objects.governorates().filter(country_code="SY").count() == 14
    kh = Actor.objects.get(slug="kataib-hezbollah")
    assert kh.parent.slug == "islamic-resistance-in-iraq"
    assert "كتائب حزب الله" in [kh.name_ar, *kh.aliases]
