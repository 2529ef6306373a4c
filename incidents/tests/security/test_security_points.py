"""Points from input never reach GEOS unchecked: no request kills the server process.

Debian 12's GEOS 3.11 aborts the process ("stack smashing detected") when it writes a coordinate such as
1e308 as WKT, which Django does whenever it hashes or prints a geometry. An editor's session is enough to
send such a point, and a link on another site is enough to make an editor's browser send it (the
session cookie is SameSite=Lax). These tests run the requests against a real server process, in a
subprocess, and check that it is still alive afterwards.
"""
import datetime
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.gis.geos import Point
from django.contrib.sessions.backends.db import SessionStore
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents import geo
from incidents.models import ImportDraft, ImportDraftStatus, Incident, Location
from incidents.services import import_draft_create

from ..factories import IncidentFactory, LocationFactory, SuperUserFactory
from ..processes import Server

ROOT = Path(__file__).resolve().parents[3]
MESSAGE = str(geo.COORDINATES_MESSAGE)
PLACES = "/admin/incidents/importdraft/places/"
# Non-finite, huge and out-of-range coordinates, as they are typed.
HOSTILE = ["1e308", "-1e308", "1e400", "nan", "inf", "-inf", "1e30", "-181", "NaN"]


@pytest.fixture(scope="module")
def server_process(django_db_setup):
    server = Server()
    yield server
    server.stop()


@pytest.fixture
def server(server_process, transactional_db):
    """Return the server, started anew when an earlier test killed it."""
    if server_process.process is None or not server_process.alive():
        server_process.start()
    return server_process


class FormReader(HTMLParser):
    """Collect what a browser would post for the form that contains a submit button."""

    def __init__(self):
        super().__init__()
        self.data, self.textarea, self.select, self.in_form = {}, None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
        if tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value", "")
        if not self.in_form or not name:
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file") or kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "textarea":
            self.textarea = name
            self.data[name] = ""
        elif tag == "select":
            self.select = name
            self.data.setdefault(name, "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False

    def handle_data(self, data):
        if self.textarea:
            # A browser drops the newline right after <textarea>.
            self.data[self.textarea] += data.removeprefix("\n") if not self.data[self.textarea] else data

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


class Editor:
    """A logged-in editor's browser: a session cookie, and the CSRF cookie once a page has set it."""

    def __init__(self, server, user):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        self.server, self.cookies = server, {"sessionid": session.session_key}

    def request(self, path, data=None):
        """Return (status, body) of a GET, or of a POST of `data`; redirects are not followed."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.server.url + path, data=body)
        request.add_header("Cookie", "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                status, content, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, content, headers = error.code, error.read(), error.headers
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError):
            # No answer: the server process died (the tests then say how).
            self.server.process.wait(10)
            return None, ""
        for cookie in headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return status, content.decode()

    def form(self, path):
        """Return the data of the page's form as a browser would post it unchanged."""
        status, page = self.request(path)
        assert self.server.alive(), f"GET {path} killed the server: {self.server.death()}"
        assert status == 200, page[:500]
        reader = FormReader()
        reader.feed(page)
        return reader.data


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def editor(server):
    return Editor(server, SuperUserFactory(username="points-editor", is_staff=True))


# --- The review map's places near a point ---------------------------------------------------------


def test_places_near_a_hostile_point_is_a_400_and_the_server_lives(server, editor):
    place = LocationFactory(name_en="Ain al-Asad", point=Point(42.44, 33.80, srid=4326))
    pairs = [(value, value) for value in HOSTILE] + [("0", value) for value in HOSTILE] + [(value, "0") for value in HOSTILE]
    pairs += [("91", "0"), ("-90.5", "0")]
    for lat, lon in pairs:
        status, body = editor.request(f"{PLACES}?{urllib.parse.urlencode({'lat': lat, 'lon': lon})}")
        assert server.alive(), f"lat={lat} lon={lon} killed the server: {server.death()}"
        assert status == 400, (lat, lon, body[:300])
        assert json.loads(body) == {"error": MESSAGE}

    status, body = editor.request(f"{PLACES}?lat=33.8&lon=42.4")
    assert status == 200 and [place["name"] for place in json.loads(body)["places"]] == [str(place)]


coordinate_text = st.one_of(
    st.text(max_size=30),
    st.floats().map(repr),
    st.floats().map(str),
    st.integers().map(str),
    st.sampled_from(HOSTILE + ["1e308", "٣٣", "1_0", " 33 ", "0x10", "\x00", ""]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lat=coordinate_text, lon=coordinate_text)
def test_any_lat_and_lon_give_an_answer_never_a_crash(server, editor, lat, lon):
    status, body = editor.request(f"{PLACES}?{urllib.parse.urlencode({'lat': lat, 'lon': lon})}")

    assert server.alive(), f"lat={lat!r} lon={lon!r} killed the server: {server.death()}"
    assert status in (200, 400, 404), (lat, lon, status, body[:300])


# --- The admin map widget --------------------------------------------------------------------------

INVALID = "Invalid geometry value."  # Django's, for text GEOS cannot read (it reads no "inf" in WKT)
WIDGET_VALUES = [
    ('{"type": "Point", "coordinates": [1e308, 1e308]}', MESSAGE),
    ('{"type": "Point", "coordinates": [-1e308, 33]}', MESSAGE),
    ('{"type": "Point", "coordinates": [1e400, 1e400]}', MESSAGE),
    ('{"type": "Point", "coordinates": [44, 1e30]}', MESSAGE),
    ("POINT (1e308 1e308)", MESSAGE),
    ("POINT (nan nan)", MESSAGE),
    ("SRID=4326;POINT (1e308 33)", MESSAGE),
    ("POINT (200 33)", MESSAGE),
    ("POINT (inf 33)", INVALID),
    ("POINT (44 -inf)", INVALID),
]


@pytest.mark.parametrize("model", ["location", "incident"])
def test_a_hostile_point_in_the_map_widget_is_a_form_error_and_the_server_lives(server, editor, model):
    row = LocationFactory(point=Point(44.39, 33.30, srid=4326)) if model == "location" else IncidentFactory()
    path = f"/admin/incidents/{model}/{row.pk}/change/"
    stored = type(row).objects.get(pk=row.pk).point
    status, _ = editor.request(path, {**editor.form(path), "_continue": "Save"})
    assert status == 302  # the form as the page shows it is valid: the errors below are the point's
    for value, message in WIDGET_VALUES:
        data = {**editor.form(path), "point": value, "_continue": "Save"}
        status, page = editor.request(path, data)
        assert server.alive(), f"{value} killed the server: {server.death()}"
        assert status == 200, (value, status, page[:300])
        assert message in page, value
        assert type(row).objects.get(pk=row.pk).point == stored
        status, _ = editor.request(path)
        assert status == 200 and server.alive()


def test_a_stored_point_out_of_range_still_opens_in_the_map_widget(server, editor):
    # Rows written before points were checked: the page must open so that an editor can correct them.
    location = LocationFactory(point=Point(44.39, 33.30, srid=4326))
    Location.objects.filter(pk=location.pk).update(point=Point(1e308, 1e308, srid=4326))

    status, page = editor.request(f"/admin/incidents/location/{location.pk}/change/")

    assert server.alive(), f"the page killed the server: {server.death()}"
    assert status == 200 and "1e+308" in page


# --- The review page's point ---------------------------------------------------------------------


def review_draft():
    place = LocationFactory(slug="ain-al-asad", name_en="Ain al-Asad", point=Point(42.44, 33.80, srid=4326))
    text = "Rockets hit Ain al-Asad air base on Friday, a security source said."
    return import_draft_create(
        title="Rockets hit Ain al-Asad",
        text=text,
        language="en",
        published=datetime.date(2023, 12, 9),
        proposal={
            "source": {"language": "en", "published": "2023-12-09"},
            "incidents": [
                {
                    "title": "Rockets hit Ain al-Asad",
                    "date": "2023-12-08",
                    "date_precision": "day",
                    "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Shelling/artillery/missile attack",
                    "weapon": "rocket",
                    "outcome": "hit",
                    "count": 1,
                    "location": {"key": place.slug, "lat": 1e308, "lon": 1e308, "geo_precision": 1},
                    "actors": [],
                    "spans": [[0, 30]],
                }
            ],
            "statements": [],
        },
    )


def test_a_hostile_point_on_the_review_page_is_a_form_error_and_nothing_is_written(server, editor):
    # The proposal itself carries a point out of range (as a place stored before points were checked would).
    draft = review_draft()
    path = f"/admin/incidents/importdraft/{draft.pk}/review/"
    for value in HOSTILE:
        data = {**editor.form(path), "incident-0-lat": value, "incident-0-lon": value, "incident-0-point_picked": "on"}
        data["confirm"] = "Confirm"
        status, page = editor.request(path, data)
        assert server.alive(), f"{value} killed the server: {server.death()}"
        assert status == 200, (value, status, page[:300])
        assert MESSAGE in page, value
    assert ImportDraft.objects.get(pk=draft.pk).status == ImportDraftStatus.PENDING
    assert Incident.objects.count() == 0


# --- The one check, in process ------------------------------------------------------------------


@pytest.mark.parametrize("lon, lat", [(44.39, 33.3), ("44.39", " 33.3 "), (-180, -90), (180, 90), ("0", "0")])
def test_points_in_range_are_accepted(lon, lat):
    point = geo.point_from_input(lon, lat)
    assert (point.x, point.y, point.srid) == (float(lon), float(lat), 4326)


@pytest.mark.parametrize(
    "lon, lat", [(1e308, 0), (0, float("nan")), ("inf", "0"), ("1e400", "0"), ("180.5", "0"), ("0", "-90.1"), ("٤٤", "33"), ("1_0", "0"), (None, "0"), ("", "0"), (True, 0)]
)
def test_points_out_of_range_or_not_numbers_are_refused_with_the_message(lon, lat):
    with pytest.raises(geo.ValidationError) as refused:
        geo.point_from_input(lon, lat)
    assert refused.value.messages == [MESSAGE]



def test_the_coordinates_message_is_translated_into_arabic():
    from django.utils import translation

    with translation.override("ar"):
        assert str(geo.COORDINATES_MESSAGE) == "أدخل النقطة بخط عرض بين ‎-90 و90 وخط طول بين ‎-180 و180، بالدرجات."


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Location, Incident])
def test_a_stored_point_out_of_range_is_refused_by_the_model(model):
    field = model._meta.get_field("point")
    with pytest.raises(geo.ValidationError) as refused:
        field.clean(Point(1e308, 33, srid=4326), None)
    assert refused.value.messages == [MESSAGE]


@pytest.mark.django_db
@pytest.mark.parametrize("point", [Point(1e308, 1e308, srid=4326), Point(float("nan"), 0, srid=4326), Point(44, 91, srid=4326)])
def test_queries_near_a_point_out_of_range_are_refused_before_any_sql(point):
    # Ordering by the distance to the point would hash it through its WKT when the query is compiled.
    with pytest.raises(geo.ValidationError):
        Location.objects.near(point, 50)
    with pytest.raises(geo.ValidationError):
        Incident.objects.near(point, 50)


def test_a_new_place_out_of_range_in_a_reviewed_import_is_refused(transactional_db):
    from incidents import importing

    draft = review_draft()
    proposal = {
        **draft.proposal,
        "incidents": [{**draft.proposal["incidents"][0], "location": {"key": None, "name_en": "Nowhere", "lat": 1e308, "lon": 44}}],
    }
    with pytest.raises(geo.ValidationError) as refused:
        importing.reviewed_from_review(proposal, draft, merges={})
    assert refused.value.messages == [MESSAGE]
    picked = {**draft.proposal["incidents"][0], "point": {"lat": "nan", "lon": 44}}
    with pytest.raises(geo.ValidationError):
        importing.reviewed_from_review({**draft.proposal, "incidents": [picked]}, draft, merges={})
