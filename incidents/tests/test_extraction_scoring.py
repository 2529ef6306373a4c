"""Issue 10's rule for what counts as found on real articles: within 35 km, within a day or the coded range,
the same ACLED pair; and what counts as an exact date."""
from incidents.extraction.scoring import coded_point, distance_km, exact_date, found_by_issue_rule

PAIR = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
AIN_AL_ASAD = {"name_en": "Ain al-Asad Air Base", "country": "IQ", "geo_precision": 1}


def proposed(lat, lon, date, name="Somewhere", country="IQ", precision=1, **fields):
    location = {"name_en": name, "country": country, "geo_precision": precision, "lat": lat, "lon": lon}
    return {"location": location, "date": date, "date_end": None, **PAIR, **fields}


def coded(date, location=AIN_AL_ASAD, **fields):
    return {"location": location, "date": date, **PAIR, **fields}


def test_a_place_within_35_km_counts_and_one_further_does_not():
    lat, lon = coded_point(AIN_AL_ASAD)
    assert distance_km((lat, lon), (lat + 0.2, lon)) < 35 < distance_km((lat, lon), (lat + 0.4, lon))
    assert found_by_issue_rule(proposed(lat + 0.2, lon, "2024-01-20"), coded("2024-01-20"))
    assert not found_by_issue_rule(proposed(lat + 0.4, lon, "2024-01-20"), coded("2024-01-20"))


def test_a_date_counts_within_a_day_or_inside_the_coded_range():
    lat, lon = coded_point(AIN_AL_ASAD)
    assert found_by_issue_rule(proposed(lat, lon, "2024-01-21"), coded("2024-01-20"))
    assert not found_by_issue_rule(proposed(lat, lon, "2024-01-22"), coded("2024-01-20"))
    assert found_by_issue_rule(proposed(lat, lon, "2024-01-25"), coded("2024-01-20", date_end="2024-01-26"))
    assert not found_by_issue_rule(proposed(lat, lon, None), coded("2024-01-20"))


def test_the_acled_pair_must_be_the_same_and_regions_match_by_country():
    lat, lon = coded_point(AIN_AL_ASAD)
    other = proposed(lat, lon, "2024-01-20", sub_event_type="Shelling/artillery/missile attack")
    assert not found_by_issue_rule(other, coded("2024-01-20"))
    syria = {"name_en": "Syria", "country": "SY", "geo_precision": 3}
    assert found_by_issue_rule(proposed(35.0, 38.5, "2024-01-20", "Syria", "SY", 3), coded("2024-01-20", syria))
    assert not found_by_issue_rule(proposed(33.8, 42.4, "2024-01-20", "Iraq", "IQ", 3), coded("2024-01-20", syria))


def test_an_exact_date_is_the_coded_day_or_the_coded_range():
    assert exact_date({"date": "2024-01-20", "date_end": None}, coded("2024-01-20"))
    assert not exact_date({"date": "2024-01-21", "date_end": None}, coded("2024-01-20"))
    assert exact_date({"date": "2024-01-20", "date_end": "2024-01-26"}, coded("2024-01-20", date_end="2024-01-26"))
    assert not exact_date({"date": "2024-01-20", "date_end": None}, coded("2024-01-20", date_end="2024-01-26"))
