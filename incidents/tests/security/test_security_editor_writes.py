"""What editors write is written whole or not at all: a failure part-way leaves nothing behind, two
editors doing the same thing at the same moment get the answer one of them would get alone."""
import pytest
from django.contrib.gis.geos import Point

from incidents import geo
from incidents.models import Incident

from ..factories import IncidentFactory

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
