"""What an editor's request may carry that once made a 500: each is now a 4xx or a form error, and
nothing is written. Editors' links can be opened from other sites (SameSite=Lax), so these are also
what a link may carry."""
import pytest

from ..factories import CountryFactory, GovernorateFactory, IncidentFactory

from incidents.models import ImportDraft, Incident, Statement

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"  # beyond bigint
CHANGELISTS = ["incident", "location", "actor", "statement", "source", "importdraft"]


@pytest.mark.parametrize("model", ["incident", "location"])
@pytest.mark.parametrize("value", ["abc", HUGE, "-1", "1.5", "\x00", "٣"])
def test_a_governorate_filter_value_that_is_no_governorate_is_a_400(admin_user_logged_in, model, value):
    baghdad = GovernorateFactory()
    assert admin_user_logged_in.get(f"/admin/incidents/{model}/", {"governorate": baghdad.pk}).status_code == 200
    response = admin_user_logged_in.get(f"/admin/incidents/{model}/", {"governorate": value})
    assert response.status_code == 400


@pytest.mark.parametrize("model", ["incident", "location"])
def test_a_country_filter_value_that_is_no_country_is_a_400(admin_user_logged_in, model):
    assert admin_user_logged_in.get(f"/admin/incidents/{model}/", {"country": CountryFactory().country_code}).status_code == 200
    for value in ("\x00", "zz"):
        assert admin_user_logged_in.get(f"/admin/incidents/{model}/", {"country": value}).status_code == 400


@pytest.mark.parametrize("model", CHANGELISTS)
def test_a_nul_byte_in_a_changelist_search_is_a_400(admin_user_logged_in, model):
    assert admin_user_logged_in.get(f"/admin/incidents/{model}/", {"q": "Bagh\x00dad"}).status_code == 400


@pytest.mark.parametrize(
    "model, field", [("incident", "location"), ("incidentactor", "actor"), ("statement", "speaker_actor"), ("statement", "source"), ("location", "parent")]
)
def test_a_nul_byte_in_an_autocomplete_term_is_a_400(admin_user_logged_in, model, field):
    response = admin_user_logged_in.get(
        "/admin/autocomplete/", {"term": "\x00", "app_label": "incidents", "model_name": model, "field_name": field}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("model", CHANGELISTS)
@pytest.mark.parametrize("query", [{"id__exact": "abc"}, {"id__gt": "1.5"}, {"pk__in": "1,abc"}, {"title__exact": "a\x00"}, {"x\x00": "1"}])
def test_wrong_lookups_in_a_changelist_are_a_400(admin_user_logged_in, model, query):
    assert admin_user_logged_in.get(f"/admin/incidents/{model}/", query).status_code == 400


@pytest.mark.parametrize("model", CHANGELISTS)
@pytest.mark.parametrize("query", [{"id__exact": HUGE}, {"id__gt": "-" + HUGE}, {"pk__in": f"1,{HUGE}"}])
def test_ids_beyond_bigint_in_a_changelist_are_answered(admin_user_logged_in, model, query):
    # Django answers lookups on integers out of the column's range without asking PostgreSQL.
    response = admin_user_logged_in.get(f"/admin/incidents/{model}/", query)
    assert response.status_code == 200


@pytest.mark.parametrize("version", ["abc", HUGE, "1.0", "٣"])
def test_a_history_version_that_is_not_a_number_is_a_404(admin_user_logged_in, version):
    incident = IncidentFactory()
    assert admin_user_logged_in.get(f"/admin/incidents/incident/{incident.pk}/history/{version}/").status_code == 404
    assert admin_user_logged_in.get("/admin/incidents/incident/abc/history/1/").status_code == 404


# --- The review page: ids posted in its forms ------------------------------------------------------

from ..test_admin_import import actors, draft, page_data, places, review_url  # noqa: E402,F401 (fixtures)


@pytest.mark.parametrize("field", ["incident-0-location", "incident-0-actor-0-actor", "statement-0-speaker_actor"])
@pytest.mark.parametrize("value", ["abc", "1.5", "\x00", "-1", HUGE])
def test_an_id_that_is_no_key_on_the_review_page_is_a_form_error_and_nothing_is_written(admin_user_logged_in, draft, field, value):
    data = {**page_data(admin_user_logged_in, draft), field: value}

    response = admin_user_logged_in.post(review_url(draft), data)

    assert response.status_code == 200
    message = "Null characters are not allowed." if value == "\x00" else "Select a valid choice. That choice is not one of the available choices."
    assert message in response.content.decode()
    assert "Nothing was written" in response.content.decode()
    assert (ImportDraft.objects.get().status, Incident.objects.count(), Statement.objects.count()) == ("pending", 0, 0)


@pytest.mark.parametrize("field", ["location", "incident_actors-0-actor"])
def test_an_id_that_is_no_key_in_an_admin_autocomplete_field_is_a_form_error(admin_user_logged_in, field):
    incident = IncidentFactory()
    change = f"/admin/incidents/incident/{incident.pk}/change/"
    form = admin_user_logged_in.get(change).context["adminform"].form
    data = {
        **{name: form[name].value() for name in form.fields if form[name].value() is not None},
        "point": form["point"].value().geojson,
        "incident_actors-TOTAL_FORMS": "1", "incident_actors-INITIAL_FORMS": "0",
        "incident_actors-0-role": "perpetrator",
        **{f"{prefix}-{part}": "0" for prefix in ("incident_sources", "incident_statements") for part in ("TOTAL_FORMS", "INITIAL_FORMS")},
        field: "abc",
    }
    data = {name: value for name, value in data.items() if value is not None}

    response = admin_user_logged_in.post(change, data)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Incident.objects.get().location_id == incident.location_id


@pytest.mark.parametrize("model, field", [("incident", "date_start"), ("statement", "date"), ("source", "published"), ("importdraft", "created_at")])
def test_the_date_drill_down_to_the_year_9999_is_a_400(admin_user_logged_in, model, field):
    assert admin_user_logged_in.get(f"/admin/incidents/{model}/", {f"{field}__year": "2023"}).status_code == 200
    for query in ({"year": "9999"}, {"year": "9999", "month": "12"}, {"year": "9999", "month": "12", "day": "31"}):
        response = admin_user_logged_in.get(f"/admin/incidents/{model}/", {f"{field}__{part}": value for part, value in query.items()})
        assert response.status_code == 400, query
