"""What editors write is written whole or not at all: a failure part-way leaves nothing behind, two
editors doing the same thing at the same moment get the answer one of them would get alone."""
import datetime
import threading
import time

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point
from django.db import connection, transaction
from django.test import Client

from incidents import geo
from incidents.admin_import import intake_message
from incidents.extraction import intake
from incidents.models import ImportDraft, Incident, Source
from incidents.services import import_draft_create, source_get_or_create

from ..factories import IncidentFactory, SuperUserFactory

CHANGELIST = "/admin/incidents/incident/"


@pytest.mark.django_db
def test_publishing_is_all_or_nothing_when_one_incident_cannot_be_published(admin_user_logged_in):
    first, second = IncidentFactory(status="draft"), IncidentFactory(status="draft")
    # Stored before points were checked: publishing validates it, and refuses it.
    Incident.objects.filter(pk=second.pk).update(point=Point(1e308, 33, srid=4326))

    response = admin_user_logged_in.post(
        CHANGELIST, {"action": "publish", "_selected_action": [first.pk, second.pk]}, follow=True
    )

    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [f"Nothing was published: “{Incident.objects.get(pk=second.pk)}” cannot be published: {geo.COORDINATES_MESSAGE}"]
    assert set(Incident.objects.values_list("status", flat=True)) == {"draft"}
    assert not Incident.history.filter(status="published").exists()


def test_the_publish_messages_are_translated_into_arabic():
    from django.utils import translation

    with translation.override("ar"):
        assert translation.gettext("Nothing was published: %(reason)s") == "لم يُنشر شيء: %(reason)s"
        assert translation.gettext("“%(incident)s” cannot be published: %(reason)s") == "لا يمكن نشر «%(incident)s»: %(reason)s"


# --- Two imports of the same text at the same moment ----------------------------------------------

TEXT = (
    "Rockets hit the US embassy in Baghdad\n\n"
    "Baghdad (Example Wire) - Two rockets struck near the US embassy in Baghdad on Friday, a security source said."
)


def in_thread(function):
    """Run `function` in a thread with its own database connection; return the thread and its outcome."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function()
        except Exception as error:  # noqa: BLE001 - handed to the test, which asserts on it
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def hold_open(write):
    """Start `write` in a transaction that stays open until the returned event is set."""
    written, release = threading.Event(), threading.Event()

    def run():
        try:
            with transaction.atomic():
                value = write()
                written.set()
                release.wait(60)
            return value
        finally:
            written.set()

    thread, outcome = in_thread(run)
    written.wait(60)
    assert "error" not in outcome, outcome
    return thread, outcome, release


def test_an_import_racing_another_of_the_same_text_leads_to_its_draft(transactional_db):
    text = intake.text_from_paste(TEXT)
    editor = SuperUserFactory(username="racing-editor")
    client = Client()
    client.force_login(editor)
    # The first import has written its draft and not yet committed it when the second one is sent.
    first, first_outcome, release = hold_open(
        lambda: import_draft_create(
            title="Rockets", text=text, language="en", published=datetime.date(2023, 12, 9),
            proposal={"source": {}, "incidents": [], "statements": []}, user=editor
        )
    )
    second, second_outcome = in_thread(
        lambda: client.post("/admin/incidents/importdraft/import/", {"text": TEXT, "published": "2023-12-09"})
    )
    time.sleep(2)  # the second import reads no pending draft, extracts, and waits on the first one's row
    release.set()
    first.join(60)
    second.join(60)

    draft = first_outcome["value"]
    response = second_outcome.get("value", second_outcome.get("error"))
    assert ImportDraft.objects.count() == 1
    assert response.status_code == 302 and response.url == f"/admin/incidents/importdraft/{draft.pk}/review/"
    page = client.get(response.url)
    assert "This text was already imported on" in str(list(page.context["messages"])[0])


def test_a_source_stored_at_the_same_moment_by_another_import_is_the_one_returned(transactional_db):
    fields = {"title": "Rockets", "text": TEXT, "language": "en", "published": datetime.date(2023, 12, 9)}
    first, first_outcome, release = hold_open(lambda: source_get_or_create(**fields))
    second, second_outcome = in_thread(lambda: source_get_or_create(**fields))
    time.sleep(1)  # the second reads no source and waits on the first one's row
    release.set()
    first.join(60)
    second.join(60)

    source, created = first_outcome["value"]
    assert created
    assert second_outcome.get("value") == (source, False), second_outcome
    assert Source.objects.count() == 1


# --- A paste over the size limit ----------------------------------------------------------------

IMPORT = "/admin/incidents/importdraft/import/"


def too_big_message():
    with pytest.raises(intake.IntakeError) as refused:
        intake.text_from_paste("a" * (intake.MAX_BYTES + 1))
    return intake_message(refused.value)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3 * 1024 * 1024, settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1, 12 * 1024 * 1024])
def test_a_paste_over_the_limit_gets_the_size_message_on_the_import_page(admin_user_logged_in, size):
    response = admin_user_logged_in.post(IMPORT, {"text": "a" * size, "published": "2023-12-09"})

    assert response.status_code == 200
    assert response.context["form"].errors["text"] == [too_big_message()]
    assert "Nothing was imported: correct the errors below." in response.content.decode()
    assert ImportDraft.objects.count() == 0


@pytest.mark.django_db
def test_the_import_page_still_checks_csrf(admin_user_logged_in):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user_logged_in.user)

    assert client.post(IMPORT, {"text": TEXT, "published": "2023-12-09"}).status_code == 403
    token = client.get(IMPORT).context["csrf_token"]
    response = client.post(IMPORT, {"text": TEXT, "published": "2023-12-09", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and ImportDraft.objects.count() == 1
