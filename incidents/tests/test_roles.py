"""Editorial roles: the groups a migration creates, and only reviewers publish (API, admin, services).
An editor's change to a published incident goes back to review; each incident says who drafted and who
published it."""
import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from incidents import services
from incidents.models import Incident, Status

from .factories import IncidentFactory, LocationFactory, UserFactory
from .test_admin import change_form_post_data
from .test_admin_import import actors, draft, page_data, places, review_url  # noqa: F401 -- fixtures

pytestmark = pytest.mark.django_db


def member(role, username=None):
    user = UserFactory(username=username or role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def permissions(role):
    return set(Group.objects.get(name=role).permissions.values_list("content_type__app_label", "codename"))


def test_the_four_roles_exist_with_their_permissions():
    viewer, editor, reviewer, administrator = (permissions(role) for role in ("viewer", "editor", "reviewer", "administrator"))
    assert ("incidents", "view_incident") in viewer and not any(code.startswith(("add_", "change_")) for _, code in viewer)
    assert {("incidents", "add_incident"), ("incidents", "change_incident"), ("incidents", "add_importdraft")} <= editor
    assert ("incidents", "publish_incident") not in editor and ("incidents", "delete_incident") not in editor
    assert {("incidents", "publish_incident"), ("incidents", "delete_incident")} <= reviewer and viewer < editor < reviewer
    assert reviewer < administrator and ("auth", "change_user") in administrator


def test_through_the_api_editors_draft_and_reviewers_publish():
    location = LocationFactory()
    editor, reviewer = APIClient(), APIClient()
    editor.force_authenticate(member("editor"))
    reviewer.force_authenticate(member("reviewer"))
    body = {"title": "Rockets on the base", "date_start": "2023-12-08", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack", "location": location.pk}

    assert editor.post("/api/v1/incidents/", {**body, "status": "published"}, format="json").status_code == 403
    created = editor.post("/api/v1/incidents/", body, format="json")
    assert created.status_code == 201 and created.json()["status"] == "draft"
    url = f"/api/v1/incidents/{created.json()['id']}/"
    assert editor.patch(url, {"status": "published"}, format="json").status_code == 403
    assert reviewer.patch(url, {"status": "published"}, format="json").status_code == 200
    assert APIClient().get(url).status_code == 200

    # An editor's change to the published incident goes back to review: off the public API until republished.
    changed = editor.patch(url, {"killed_best": 2}, format="json")
    assert changed.status_code == 200 and changed.json()["status"] == "draft"
    assert APIClient().get(url).status_code == 404


def test_in_the_admin_editors_cannot_publish_and_their_changes_go_back_to_review():
    editor_user, reviewer_user = member("editor", "elham"), member("reviewer", "rasha")
    editor, reviewer = Client(), Client()
    editor.force_login(editor_user)
    reviewer.force_login(reviewer_user)
    unpublished = IncidentFactory(status=Status.DRAFT)
    changelist = reverse("admin:incidents_incident_changelist")

    # The publish action is not offered to an editor, and refused if posted anyway.
    def actions(client):
        form = client.get(changelist).context["action_form"]
        return set() if form is None else {name for name, _ in form.fields["action"].choices}

    assert "publish" not in actions(editor) and "publish" in actions(reviewer)
    editor.post(changelist, {"action": "publish", "_selected_action": [unpublished.pk]})
    assert Incident.objects.get(pk=unpublished.pk).status == Status.DRAFT
    reviewer.post(changelist, {"action": "publish", "_selected_action": [unpublished.pk]})
    assert Incident.objects.get(pk=unpublished.pk).status == Status.PUBLISHED

    change_url = reverse("admin:incidents_incident_change", args=[unpublished.pk])
    data = change_form_post_data(editor.get(change_url))
    data["killed_best"] = "4"
    response = editor.post(change_url, data, follow=True)
    incident = Incident.objects.get(pk=unpublished.pk)
    assert (incident.killed_best, incident.status) == (4, Status.DRAFT)
    assert "only reviewers publish" in response.content.decode()

    trail = reviewer.get(change_url).content.decode()
    assert "Not published: waiting for a reviewer." in trail and "Drafted by" in trail


def test_the_service_refuses_to_publish_for_an_editor_and_records_the_reviewer():
    unpublished = IncidentFactory(status=Status.DRAFT)
    with pytest.raises(ValidationError, match="Only reviewers publish"):
        services.incidents_publish(incidents=Incident.objects.filter(pk=unpublished.pk), user=member("editor", "elham"))
    assert Incident.objects.get(pk=unpublished.pk).status == Status.DRAFT

    reviewer = member("reviewer", "rasha")
    assert services.incidents_publish(incidents=Incident.objects.filter(pk=unpublished.pk), user=reviewer) == 1
    from incidents.admin import review_trail

    trail = review_trail(Incident.objects.get(pk=unpublished.pk))
    assert "Published by rasha" in trail and "Drafted by" in trail


def test_an_editors_confirmed_review_waits_for_a_reviewer(draft):  # noqa: F811 -- the fixture imported above
    editor = Client()
    editor.force_login(member("editor", "elham"))
    response = editor.post(review_url(draft), page_data(editor, draft))

    assert response.status_code == 302
    incident = Incident.objects.get()
    assert incident.status == Status.DRAFT
    assert APIClient().get(f"/api/v1/incidents/{incident.pk}/").status_code == 404
