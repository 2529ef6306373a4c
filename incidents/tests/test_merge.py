"""Merging two actors or two places (incidents.merging, incidents.admin_merge): every link moves, no link is
repeated, the merged one's names become aliases, it is hidden everywhere, and an undo restores exactly."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from rest_framework.test import APIClient

from incidents import importing, merging
from incidents.models import (
    Actor,
    ActorMerge,
    Incident,
    IncidentActor,
    IncidentFact,
    Location,
    LocationKind,
    LocationMerge,
    Statement,
)

from .factories import (
    ActorFactory,
    GovernorateFactory,
    IncidentActorFactory,
    IncidentFactory,
    LocationFactory,
    StatementFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def member(role, username=None):
    user = UserFactory(username=username or role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def data_version():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM marsad_data_version WHERE id = 1")
        return cursor.fetchone()[0]


def snapshot():
    """Every link that refers to an actor or a place, and the names, as rows of plain values."""
    return {
        "roles": sorted(IncidentActor.objects.values_list("pk", "incident_id", "actor_id", "role")),
        "speakers": sorted(Statement.objects.values_list("pk", "speaker_actor_id")),
        "actors": sorted(Actor.all_objects.values_list("pk", "parent_id", "merged_into_id", "aliases")),
        "places": sorted(
            Location.all_objects.values_list("pk", "parent_id", "governorate_id", "merged_into_id", "aliases")
        ),
        "incidents": sorted(Incident.objects.values_list("pk", "location_id")),
        "facts": sorted(IncidentFact.objects.values_list("incident_id", "location_id")),
    }


# --- The relations: a foreign key added later must be looked at ------------------------------------------


def test_every_link_to_actors_and_places_is_known():
    """A new foreign key to Actor or Location fails this test until it is checked: merging moves it (the
    generic move keeps unique rows unique) unless LEFT_ALONE says why not; then add it here."""
    found = {
        (model.__name__, related._meta.label, field.name)
        for model in (Actor, Location)
        for related, field in merging.links(model)
    }
    assert found == {
        ("Actor", "incidents.Actor", "parent"),
        ("Actor", "incidents.Actor", "merged_into"),
        ("Actor", "incidents.IncidentActor", "actor"),
        ("Actor", "incidents.Statement", "speaker_actor"),
        ("Actor", "incidents.ActorMerge", "kept"),
        ("Actor", "incidents.ActorMerge", "merged"),
        ("Location", "incidents.Location", "parent"),
        ("Location", "incidents.Location", "governorate"),
        ("Location", "incidents.Location", "merged_into"),
        ("Location", "incidents.Incident", "location"),
        ("Location", "incidents.IncidentFact", "location"),
        ("Location", "incidents.LocationMerge", "kept"),
        ("Location", "incidents.LocationMerge", "merged"),
    }
    moved = {
        (related._meta.label, field.name)
        for model in (Actor, Location)
        for related, field in merging.moved_links(model)
    }
    assert moved == {
        ("incidents.Actor", "parent"),
        ("incidents.Actor", "merged_into"),
        ("incidents.IncidentActor", "actor"),
        ("incidents.Statement", "speaker_actor"),
        ("incidents.Location", "parent"),
        ("incidents.Location", "merged_into"),
        ("incidents.Incident", "location"),
    }


# --- Actors --------------------------------------------------------------------------------------------


@pytest.fixture
def two_actors():
    kept = ActorFactory(name_en="Kataib Hezbollah", name_ar="كتائب حزب الله", aliases=["KH"])
    merged = ActorFactory(
        name_en="Kata'ib Hizballah", name_ar="كتائب حزب الله العراقية", aliases=["Hezbollah Brigades", "kh"]
    )
    both = IncidentFactory(title="Both named as perpetrators")
    IncidentActorFactory(incident=both, actor=kept)
    IncidentActorFactory(incident=both, actor=merged)
    IncidentActorFactory(incident=both, actor=merged, role="claimant")
    only_merged = IncidentFactory(title="Only the merged one")
    IncidentActorFactory(incident=only_merged, actor=merged)
    statement = StatementFactory(speaker_actor=merged)
    member_group = ActorFactory(name_en="A brigade", parent=merged)
    return {
        "kept": kept,
        "merged": merged,
        "both": both,
        "only_merged": only_merged,
        "statement": statement,
        "member": member_group,
    }


def test_merging_actors_moves_every_link_without_repeats_and_keeps_the_names(two_actors):
    kept, merged = two_actors["kept"], two_actors["merged"]
    user = member("reviewer", "rasha")
    both, only_merged = two_actors["both"], two_actors["only_merged"]
    versions = dict(Incident.objects.filter(pk__in=[both.pk, only_merged.pk]).values_list("pk", "version"))
    record = merging.merge(kept=kept, merged=merged, user=user)

    assert sorted(IncidentActor.objects.filter(incident=both).values_list("actor_id", "role")) == [
        (kept.pk, "claimant"),
        (kept.pk, "perpetrator"),
    ]  # the perpetrator twice would repeat: one is kept
    assert list(IncidentActor.objects.filter(incident=only_merged).values_list("actor_id", flat=True)) == [kept.pk]
    assert Statement.objects.get(pk=two_actors["statement"].pk).speaker_actor_id == kept.pk
    assert Actor.objects.get(pk=two_actors["member"].pk).parent_id == kept.pk
    assert not IncidentActor.objects.filter(actor_id=merged.pk).exists()
    kept.refresh_from_db()
    # Its names as aliases; "kh" is "KH" already, so it is not added twice.
    assert kept.aliases == ["KH", "Kata'ib Hizballah", "كتائب حزب الله العراقية", "Hezbollah Brigades"]
    assert record.aliases_added == ["Kata'ib Hizballah", "كتائب حزب الله العراقية", "Hezbollah Brigades"]
    assert record.summary == {"moved": 4, "removed": 1} and record.created_by == user
    # Incidents whose actors changed moved their version (the touch trigger, then migration 0011's).
    after = dict(Incident.objects.filter(pk__in=versions).values_list("pk", "version"))
    assert all(after[pk] > versions[pk] for pk in versions)
    # The history says who: the moved link, the statement and both actors.
    assert IncidentActor.history.filter(actor_id=kept.pk, history_user=user).exists()
    assert IncidentActor.history.filter(history_type="-", actor_id=merged.pk, history_user=user).count() == 1
    assert Statement.history.filter(id=two_actors["statement"].pk).latest().history_user == user
    assert Actor.history.filter(id=merged.pk).latest().merged_into_id == kept.pk


def test_a_merged_actor_is_hidden_from_lists_the_api_and_extraction(two_actors, admin_user_logged_in):
    kept, merged = two_actors["kept"], two_actors["merged"]
    merging.merge(kept=kept, merged=merged)
    assert not Actor.objects.filter(pk=merged.pk).exists() and Actor.all_objects.filter(pk=merged.pk).exists()
    assert list(Actor.objects.matching_name("Hezbollah Brigades")) == [kept]
    changelist = admin_user_logged_in.get(reverse("admin:incidents_actor_changelist"))
    assert merged.name_en not in changelist.content.decode() and kept.name_en in changelist.content.decode()
    api = APIClient()
    assert api.get(f"/api/v1/actors/{merged.pk}/").status_code == 404
    assert merged.pk not in [row["id"] for row in api.get("/api/v1/actors/").json()["results"]]
    # Extraction finds the kept one by the merged one's names.
    _places, actors = importing.matchers()
    found = [
        mention.entry.key for mention in actors.find("A statement by Kata'ib Hizballah said so.", "en") if mention.entry
    ]
    assert found == [kept.slug]
    found = [
        mention.entry.key for mention in actors.find("قالت كتائب حزب الله العراقية في بيان", "ar") if mention.entry
    ]
    assert found == [kept.slug]
    # A proposal made before the merge, naming the merged one by its key, gets the kept one.
    assert merging.current_by_slug(Actor, [merged.slug]) == {merged.slug: kept}


def test_undoing_an_actor_merge_restores_exactly(two_actors):
    before = snapshot()
    user = member("reviewer", "rasha")
    record = merging.merge(kept=two_actors["kept"], merged=two_actors["merged"], user=user)
    assert snapshot() != before
    merging.undo(record=record, user=user)
    assert snapshot() == before
    record.refresh_from_db()
    assert record.undone_by == user and record.undone_at is not None
    assert Actor.objects.filter(pk=two_actors["merged"].pk).exists()
    with pytest.raises(ValidationError, match="undone already"):
        merging.undo(record=record, user=user)


def test_an_undo_that_later_edits_make_unclean_changes_nothing(two_actors):
    kept, merged = two_actors["kept"], two_actors["merged"]
    record = merging.merge(kept=kept, merged=merged)
    statement = Statement.objects.get(pk=two_actors["statement"].pk)
    other = ActorFactory()
    statement.speaker_actor = other
    statement.save()
    after_edit = snapshot()
    with pytest.raises(ValidationError) as refused:
        merging.undo(record=record)
    assert any(f"statement {statement.pk} no longer refers" in message for message in refused.value.messages)
    assert snapshot() == after_edit  # nothing changed
    # A later merge of the kept one must be undone first.
    statement.speaker_actor = kept
    statement.save()
    later = merging.merge(kept=other, merged=kept)
    assert any("undo that merge first" in message for message in merging.undo_problems(record))
    merging.undo(record=later)
    merging.undo(record=record)
    assert Actor.objects.filter(pk=merged.pk).exists()


def test_merging_refuses_the_same_row_and_a_merged_one(two_actors):
    kept, merged = two_actors["kept"], two_actors["merged"]
    with pytest.raises(ValidationError):
        merging.merge(kept=kept, merged=kept)
    merging.merge(kept=kept, merged=merged)
    with pytest.raises(ValidationError, match="merged into another already"):
        merging.merge(kept=ActorFactory(), merged=Actor.all_objects.get(pk=merged.pk))


def test_merging_into_a_member_of_the_merged_one_makes_no_loop():
    umbrella = ActorFactory(name_en="Umbrella")
    brigade = ActorFactory(name_en="Brigade", parent=umbrella)
    unit = ActorFactory(name_en="Unit", parent=brigade)
    before = snapshot()
    record = merging.merge(kept=unit, merged=umbrella)
    unit.refresh_from_db()
    brigade.refresh_from_db()
    assert unit.parent_id is None and brigade.parent_id == unit.pk
    merging.undo(record=record)
    assert snapshot() == before


# --- Places -------------------------------------------------------------------------------------------


@pytest.fixture
def two_places():
    governorate = GovernorateFactory()
    kept = LocationFactory(
        name_en="Ain al-Asad", name_ar="عين الأسد", kind=LocationKind.MILITARY_BASE, parent=governorate
    )
    merged = LocationFactory(
        name_en="Al Asad Airbase",
        name_ar="قاعدة الأسد",
        aliases=["Al-Asad"],
        parent=governorate,
        point=Point(42.44, 33.79, srid=4326),
    )
    published = IncidentFactory(location=merged, title="Rockets on Al Asad")
    draft = IncidentFactory(location=merged, status="draft")
    child = LocationFactory(name_en="Al Asad gate", parent=merged, kind=LocationKind.FACILITY)
    return {"kept": kept, "merged": merged, "published": published, "draft": draft, "child": child}


def test_merging_places_moves_incidents_children_and_keeps_the_facts_in_sync(two_places):
    kept, merged, published = two_places["kept"], two_places["merged"], two_places["published"]
    version, data = Incident.objects.get(pk=published.pk).version, data_version()
    merging.merge(kept=kept, merged=merged, user=member("administrator", "amal"))
    assert set(
        Incident.objects.filter(pk__in=[published.pk, two_places["draft"].pk]).values_list("location_id", flat=True)
    ) == {kept.pk}
    assert IncidentFact.objects.get(incident_id=published.pk).location_id == kept.pk  # migration 0010's trigger
    assert not IncidentFact.objects.filter(location_id=merged.pk).exists()
    assert Incident.objects.get(pk=published.pk).version > version
    assert Incident.history.filter(id=published.pk).latest().history_user.username == "amal"
    assert data_version() > data  # what the API's caches key on
    child = Location.objects.get(pk=two_places["child"].pk)
    assert child.parent_id == kept.pk and child.governorate_id == kept.governorate_id
    kept.refresh_from_db()
    assert kept.aliases == ["Al Asad Airbase", "قاعدة الأسد", "Al-Asad"]
    # The incident keeps the point it had (where it was drawn), only its place changes.
    assert Incident.objects.get(pk=published.pk).point.equals(Point(42.44, 33.79, srid=4326))
    # Hidden from the API and the gazetteer; extraction finds the kept one by the merged one's name.
    assert APIClient().get(f"/api/v1/locations/{merged.pk}/").status_code == 404
    places, _actors = importing.matchers()
    keys = [
        mention.entry.key for mention in places.find("Rockets struck Al Asad Airbase in Anbar.", "en") if mention.entry
    ]
    assert kept.slug in keys and merged.slug not in keys


def test_undoing_a_place_merge_restores_exactly_and_the_facts(two_places):
    before = snapshot()
    record = merging.merge(kept=two_places["kept"], merged=two_places["merged"])
    merging.undo(record=record)
    assert snapshot() == before


def test_merging_two_governorates_moves_the_governorate_of_the_places_below():
    iraq = GovernorateFactory().parent
    anbar = Location.objects.create(slug="iq-anbar", name_en="Anbar", kind=LocationKind.GOVERNORATE, parent=iraq)
    al_anbar = Location.objects.create(
        slug="iq-al-anbar", name_en="Al Anbar", kind=LocationKind.GOVERNORATE, parent=iraq
    )
    district = Location.objects.create(slug="hit", name_en="Hit District", kind=LocationKind.DISTRICT, parent=al_anbar)
    town = Location.objects.create(slug="hit-town", name_en="Hit", kind=LocationKind.TOWN, parent=district)
    before = snapshot()
    record = merging.merge(kept=anbar, merged=al_anbar)
    assert set(Location.objects.filter(pk__in=[district.pk, town.pk]).values_list("governorate_id", flat=True)) == {
        anbar.pk
    }
    merging.undo(record=record)
    assert snapshot() == before


def test_a_new_place_cannot_take_the_key_of_a_merged_one(two_places):
    merging.merge(kept=two_places["kept"], merged=two_places["merged"])
    copy = Location(slug=two_places["merged"].slug, name_en="Copy", kind=LocationKind.AREA)
    with pytest.raises(ValidationError) as refused:
        copy.validate_unique()
    assert "slug" in refused.value.message_dict


# --- The admin: the action, the confirmation page, undo, permissions ----------------------------------


def test_a_reviewer_merges_in_the_admin_through_the_confirmation_page_and_undoes(two_actors):
    kept, merged = two_actors["kept"], two_actors["merged"]
    reviewer = Client()
    reviewer.force_login(member("reviewer", "rasha"))
    changelist = reverse("admin:incidents_actor_changelist")
    response = reviewer.post(changelist, {"action": "merge_two", "_selected_action": [kept.pk, merged.pk]})
    assert response.status_code == 302 and "/merge/?ids=" in response["Location"]
    page = reviewer.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and kept.name_en in html and escape(merged.name_en) in html
    choice = next(c for c in page.context["choices"] if c["kept"] == kept)
    assert ("its roles in incidents", 2, 1) in choice["moves"]  # 3 roles: 2 move, 1 would repeat
    reviewer.cookies["django_language"] = "ar"
    arabic = reviewer.get(response["Location"]).content.decode()
    assert "أبقِ «" in arabic and "أدواره في الحوادث" in arabic and "يُزال مكرر واحد" in arabic
    reviewer.cookies["django_language"] = "en"
    done = reviewer.post(response["Location"], {"ids": f"{kept.pk},{merged.pk}", "keep": kept.pk})
    assert done.status_code == 302 and done["Location"] == reverse("admin:incidents_actor_change", args=[kept.pk])
    assert Actor.all_objects.get(pk=merged.pk).merged_into_id == kept.pk
    record = ActorMerge.objects.get()
    undo_url = reverse("admin:incidents_actormerge_undo", args=[record.pk])
    assert undo_url in reviewer.get(reverse("admin:incidents_actormerge_changelist")).content.decode()
    assert reviewer.post(undo_url).status_code == 302
    assert Actor.objects.filter(pk=merged.pk).exists()


def test_an_editor_cannot_merge_or_undo(two_actors, two_places):
    kept, merged = two_actors["kept"], two_actors["merged"]
    editor = Client()
    editor.force_login(member("editor", "elham"))
    changelist = editor.get(reverse("admin:incidents_actor_changelist"))
    assert "merge_two" not in changelist.content.decode()
    assert editor.get(reverse("admin:incidents_actor_merge") + f"?ids={kept.pk},{merged.pk}").status_code == 403
    assert (
        editor.post(
            reverse("admin:incidents_location_merge"),
            {"ids": f"{two_places['kept'].pk},{two_places['merged'].pk}", "keep": two_places["kept"].pk},
        ).status_code
        == 403
    )
    record = merging.merge(kept=kept, merged=merged)
    assert editor.post(reverse("admin:incidents_actormerge_undo", args=[record.pk])).status_code == 403
    assert editor.get(reverse("admin:incidents_locationmerge_changelist")).status_code == 403
    assert ActorMerge.objects.get().undone_at is None and not LocationMerge.objects.exists()
    assert Actor.all_objects.get(pk=merged.pk).merged_into_id == kept.pk


def test_the_merge_permissions_are_the_reviewers_and_administrators():
    def codes(role):
        return set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))

    for role in ("reviewer", "administrator"):
        assert {"merge_actor", "merge_location"} <= codes(role)
    for role in ("viewer", "editor"):
        assert not {"merge_actor", "merge_location"} & codes(role)
