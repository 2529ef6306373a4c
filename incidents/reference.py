"""Read the reference data files Marsad ships (gazetteer and actors) into plain rows, parents first.

Pure file parsing with no database access; `load_reference` writes the rows through the services.
"""
import csv
from dataclasses import dataclass, field
from pathlib import Path

from .extraction.normalize import match_key

DATA_DIR = Path(__file__).resolve().parent / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
ACTORS_FILE = DATA_DIR / "actors.csv"

# GeoNames admin1 codes → governorate keys. Iraq: our slugs; Syria: OCHA P-codes.
GEONAMES_ADMIN1 = {
    "IQ": {
        "01": "iq-anbar", "02": "iq-basra", "03": "iq-muthanna", "04": "iq-qadisiyah",
        "05": "iq-sulaymaniyah", "06": "iq-babil", "07": "iq-baghdad", "08": "iq-duhok",
        "09": "iq-dhi-qar", "10": "iq-diyala", "11": "iq-erbil", "12": "iq-karbala",
        "13": "iq-kirkuk", "14": "iq-maysan", "15": "iq-nineveh", "16": "iq-wasit",
        "17": "iq-najaf", "18": "iq-salah-ad-din",
    },
    "SY": {
        "01": "sy08", "02": "sy06", "03": "sy14", "04": "sy11", "05": "sy13", "06": "sy12", "07": "sy09",
        "08": "sy03", "09": "sy02", "10": "sy05", "11": "sy04", "12": "sy07", "13": "sy01", "14": "sy10",
    },
}
OCHA_KIND = {"admin1": "governorate", "admin2": "district", "admin3": "subdistrict", "neighbourhood": "neighbourhood"}
# Letters of Kurdish (Sorani) script that Arabic does not use: such names are aliases, not the Arabic name.
KURDISH_LETTERS = set("ەێۆڕڵڤ")


@dataclass
class LocationRow:
    slug: str
    name_en: str
    name_ar: str
    kind: str
    country_code: str
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 1
    aliases: list[str] = field(default_factory=list)
    geonames_id: int | None = None
    pcode: str | None = None
    notes: str = ""


@dataclass
class ActorRow:
    slug: str
    name_en: str
    name_ar: str
    kind: str
    parent: str | None
    country_code: str
    aliases: list[str]
    description: str


def _split(value):
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _clean(value):
    return " ".join((value or "").split())


def _unique(names, *exclude):
    """Return `names` without blanks, repeats or the `exclude`d names, keeping their order."""
    seen = {match_key(name) for name in exclude if name}
    result = []
    for name in names:
        key = match_key(name)
        if name and key not in seen:
            seen.add(key)
            result.append(name)
    return result


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def country_rows():
    for row in _read_csv(GAZETTEER_DIR / "countries.csv"):
        yield LocationRow(
            slug=row["slug"],
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            kind="country",
            country_code=row["iso2"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            geo_precision=3,
            aliases=_unique(_split(row["aliases_en"]) + _split(row["aliases_ar"]), row["name_en"], row["name_ar"]),
        )


def iraq_governorate_rows():
    for row in _read_csv(GAZETTEER_DIR / "iraq_governorates.csv"):
        yield LocationRow(
            slug=row["slug"],
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            kind="governorate",
            country_code="IQ",
            parent="iq",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            geo_precision=3,
            aliases=_unique(_split(row["aliases_en"]) + _split(row["aliases_ar"]), row["name_en"], row["name_ar"]),
            pcode=row.get("pcode") or None,
            notes=f"Centroid: {row.get('coord_source', '')}".strip(),
        )


def syria_ocha_rows():
    """Yield Syria's governorates, districts, sub-districts and neighbourhoods from OCHA's dataset."""
    rows = _read_csv(GAZETTEER_DIR / "syria_ocha_cod_2016_admin_neighbourhoods.csv")
    governorate_by_name = {_clean(row["name_en"]): _clean(row["pcode"]) for row in rows if row["level"] == "admin1"}
    for row in rows:
        pcode = _clean(row["pcode"])
        parent = _clean(row["parent_pcode"])
        if row["level"] == "neighbourhood":
            # Their parents are city codes this dataset does not define: hang them on the governorate.
            parent = governorate_by_name[_clean(row["admin1_en"])]
        name_en, name_ar = _clean(row["name_en"]), _clean(row["name_ar"])
        kind = OCHA_KIND[row["level"]]
        yield LocationRow(
            slug=pcode.lower(),
            name_en=name_en,
            name_ar=name_ar,
            kind=kind,
            country_code="SY",
            parent="sy" if parent == "SY" else parent.lower(),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            geo_precision=3 if kind in ("governorate", "district") else 2,
            aliases=_unique([_clean(row["name_en_ref"]), _clean(row["name_ar_ref"])], name_en, name_ar),
            pcode=pcode,
            notes="OCHA COD 2016; " + row["coord_method"].replace("_", " "),
        )


def _governorate_index(governorates):
    """Return a dict from every folded name and alias of each governorate to its slug."""
    index = {}
    for gov in governorates:
        for name in [gov.name_en, gov.name_ar, *gov.aliases]:
            index[match_key(name)] = gov.slug
    return index


def iraq_admin_rows(governorates):
    """Yield Iraq's districts and sub-districts (names only, no coordinates), merging repeated entries."""
    index = _governorate_index(governorates)
    seen = {}
    districts = {}
    for row in _read_csv(GAZETTEER_DIR / "iraq_admin_names_ar_en_ku.csv"):
        if row["level"] == "province":
            continue
        province_ar = row["province_ar"].removeprefix("محافظة ").strip()
        gov = index.get(match_key(province_ar)) or index.get(match_key(row["province_en"]))
        if gov is None:
            raise ValueError(f"Unknown Iraqi province in iraq_admin_names_ar_en_ku.csv: {row['province_en']}")
        name_en, name_ar, name_ku = _clean(row["name_en"]), _clean(row["name_ar"]), _clean(row["name_ku"])
        kind = "district" if row["level"] == "district" else "subdistrict"
        parent = gov if kind == "district" else districts.get((gov, match_key(row["district_ar"])), gov)
        key = (parent, kind, match_key(name_ar or name_en))
        if key in seen:
            existing = seen[key]
            existing.aliases = _unique(existing.aliases + [name_en, name_ku], existing.name_en, existing.name_ar)
            continue
        slug = "-".join(
            part for part in [parent, _ascii_slug(name_en)] if part
        )[:120]
        location = LocationRow(
            slug=slug,
            name_en=name_en,
            name_ar=name_ar,
            kind=kind,
            country_code="IQ",
            parent=parent,
            geo_precision=3,
            aliases=_unique([name_ku], name_en, name_ar),
            notes="Name only (iraq_geo_data, MIT): no coordinates.",
        )
        seen[key] = location
        if kind == "district":
            districts[(gov, match_key(name_ar))] = slug
        yield location


def _ascii_slug(text):
    from django.utils.text import slugify

    return slugify(match_key(text)) or "x"


def _arabic_name(names):
    """Return the first Arabic (not Kurdish-script) name, or ''."""
    for name in names:
        if not set(name) & KURDISH_LETTERS:
            return name
    return names[0] if names else ""


def _geonames_kind(feature_code, population):
    if feature_code in ("PPLC", "PPLA") or population >= 100_000:
        return "city"
    if feature_code in ("PPLA2", "PPLA3", "PPLA4") or population >= 5_000:
        return "town"
    return "village"


def _is_latin_or_arabic(name):
    return all(ch.isascii() or "\u0600" <= ch <= "\u06ff" or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff" for ch in name)


def geonames_rows():
    """Yield the GeoNames cities500 settlements of Iraq and Syria under their governorates."""
    with open(GAZETTEER_DIR / "geonames_cities500_IQ_SY.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["feature_code"] in ("PPLX", "PPLH", "PPLQ", "PPLW"):
                continue  # sections of cities, historical, abandoned or destroyed places
            arabic = _split(row["arabic_script_names"].replace(",", "|"))
            name_ar = _arabic_name(arabic)
            alternates = [n for n in row["alternatenames"].split(",") if n and _is_latin_or_arabic(n)]
            country = row["country_code"]
            yield LocationRow(
                slug=f"gn-{row['geonameid']}",
                name_en=row["name"],
                name_ar=name_ar,
                kind=_geonames_kind(row["feature_code"], int(row["population"] or 0)),
                country_code=country,
                parent=GEONAMES_ADMIN1[country].get(row["admin1_code"], country.lower()),
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                geo_precision=1,
                aliases=_unique([row["asciiname"], *arabic, *alternates], row["name"], name_ar),
                geonames_id=int(row["geonameid"]),
                notes="GeoNames (geonames.org), CC BY 4.0",
            )


def site_rows(governorates):
    """Yield the hand-curated sites (bases, airports, embassies, fields) under their governorates."""
    index = _governorate_index(governorates)
    for row in _read_csv(GAZETTEER_DIR / "sites.csv"):
        country = row["country_code"]
        parent = index.get(match_key(row["admin1_en"])) if row["admin1_en"] else None
        sources = "; ".join(part for part in [row["coord_source_1"], row["coord_source_2"], row["notes"]] if part)
        yield LocationRow(
            slug=row["slug"],
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            kind=row["kind"],
            country_code=country,
            parent=parent or country.lower(),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            geo_precision=int(row["geo_precision"] or 1),
            aliases=_unique(_split(row["aliases_en"]) + _split(row["aliases_ar"]), row["name_en"], row["name_ar"]),
            notes=sources,
        )


def location_rows():
    """Return every gazetteer row, each after its parent."""
    countries = list(country_rows())
    iraq_governorates = list(iraq_governorate_rows())
    syria = list(syria_ocha_rows())
    syria_governorates = [row for row in syria if row.kind == "governorate"]
    governorates = iraq_governorates + syria_governorates
    rows = countries + iraq_governorates + syria
    rows += list(iraq_admin_rows(iraq_governorates))
    rows += list(geonames_rows())
    rows += list(site_rows(governorates))
    return rows


def actor_rows():
    """Return the starter actors, each after its parent."""
    rows = [
        ActorRow(
            slug=row["slug"],
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            kind=row["kind"],
            parent=row["parent_slug"] or None,
            country_code=row["country_code"],
            aliases=_unique(_split(row["aliases_en"]) + _split(row["aliases_ar"]), row["name_en"], row["name_ar"]),
            description=row.get("description_en", ""),
        )
        for row in _read_csv(ACTORS_FILE)
    ]
    return parents_first(rows)


def parents_first(rows):
    """Return `rows` ordered so that each comes after the row its `parent` names."""
    by_slug = {row.slug: row for row in rows}
    ordered, placed = [], set()

    def place(row, trail=()):
        if row.slug in placed:
            return
        if row.slug in trail:
            raise ValueError(f"Parent cycle in reference data: {' → '.join(trail)}")
        if row.parent in by_slug:
            place(by_slug[row.parent], (*trail, row.slug))
        placed.add(row.slug)
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def country_codes():
    """Return {ISO 3166-1 alpha-2: (alpha-3, English name)} for the gazetteer's countries (IQ: (IRQ, Iraq))."""
    return {row["iso2"]: (row["iso3"], row["name_en"]) for row in _read_csv(GAZETTEER_DIR / "countries.csv")}
