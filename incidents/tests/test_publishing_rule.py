"""Only reviewers publish: one rule (incidents.roles.publishing_status), asked by the admin, the API, the import's
review and the publish action, each keeping its behaviour (a 403 naming `status`, a draft with a message)."""
import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from incidents import roles, services
from incidents.models import Incident, Status

from .factories import IncidentFactory, UserFactory
from .test_admin import change_form_post_data
from .test_admin_import import actors, draft, page_data, places, review_url  # noqa: F401 -- fixtures

pytestmark = pytest.mark.django_db


def member(role):
    user = UserFactory(username=role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def test_the_rule():
    editor, reviewer = member("editor"), member("reviewer")
    assert roles.publishing_status(reviewer, Status.PUBLISHED, requested=True) == Status.PUBLISHED
    assert roles.publishing_status(None, Status.PUBLISHED, requested=True) == Status.PUBLISHED  # an operator's command
    assert roles.publishing_status(editor, Status.PUBLISHED) == Status.DRAFT  # goes back to review
    assert roles.publishing_status(editor, Status.DRAFT, requested=True) == Status.DRAFT
    with pytest.raises(roles.PublishingRefused, match="Only reviewers publish incidents"):
        roles.publishing_status(editor, Status.PUBLISHED, requested=True)


@pytest.fixture
def asked(monkeypatch):
    """Record every question put to the rule: (username, status, requested)."""
    calls = []
    rule = roles.publishing_status

    def spy(user, status, *, requested=False):
        calls.append((getattr(user, "username", None), str(status), requested))
        return rule(user, status, requested=requested)

    monkeypatch.setattr(roles, "publishing_status", spy)
    return calls


def test_the_admins_save_asks_the_rule_and_keeps_its_message(asked):
    editor = Client()
    editor.force_login(member("editor"))
    incident = IncidentFactory(status=Status.PUBLISHED)
    url = reverse("admin:incidents_incident_change", args=[incident.pk])
    data = change_form_post_data(editor.get(url))
    data["killed_best"] = "3"

    response = editor.post(url, data, follow=True)

    assert ("editor", "published", False) in asked
    assert Incident.objects.get(pk=incident.pk).status == Status.DRAFT
    assert "Saved as a draft: only reviewers publish" in response.content.decode()


def test_the_api_asks_the_rule_refuses_with_403_on_status_and_sends_changes_back_to_review(asked):
    api = APIClient()
    api.force_authenticate(member("editor"))
    incident = IncidentFactory(status=Status.PUBLISHED)
    url = f"/api/v1/incidents/{incident.pk}/"

    refused = api.patch(url, {"status": "published"}, format="json")
    assert refused.status_code == 403
    assert refused.json() == {"status": ["Only reviewers publish incidents (incidents.publish_incident)."]}
    assert Incident.objects.get(pk=incident.pk).status == Status.PUBLISHED

    changed = api.patch(url, {"killed_best": 2}, format="json")
    assert changed.status_code == 200 and changed.json()["status"] == "draft"
    assert asked == [("editor", "published", True), ("editor", "published", False)]


def test_the_import_review_asks_the_rule(asked, draft):  # noqa: F811 -- the fixture imported above
    editor = Client()
    editor.force_login(member("editor"))

    assert editor.post(review_url(draft), page_data(editor, draft)).status_code == 302

    assert ("editor", "published", False) in asked
    assert Incident.objects.get().status == Status.DRAFT


def test_the_publish_action_asks_the_rule(asked):
    unpublished = IncidentFactory(status=Status.DRAFT)
    editor = member("editor")
    with pytest.raises(ValidationError, match="Only reviewers publish incidents"):
        services.incidents_publish(incidents=Incident.objects.filter(pk=unpublished.pk), user=editor)
    assert asked == [("editor", "published", True)]
    assert Incident.objects.get(pk=unpublished.pk).status == Status.DRAFT
