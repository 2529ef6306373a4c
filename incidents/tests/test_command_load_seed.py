"""load_seed: the demo data is the seed article imported through the pipeline and published as extracted."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from incidents.models import Incident, Source, Statement

pytestmark = pytest.mark.django_db


def load_seed():
    out, err = StringIO(), StringIO()
    call_command("load_seed", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_load_seed_imports_and_publishes_the_seed_article_once():
    call_command("load_reference", stdout=StringIO())
    out, _ = load_seed()
    source = Source.objects.get()
    assert source.published.isoformat() == "2023-12-09"
    assert source.language == "ar"
    assert source.text.startswith("تصاعد الهجمات ضد القوات الأميركية")
    incidents = Incident.objects.filter(sources=source).distinct()
    # The seed reports five incidents, each cited by one or more sentences (one evidence row each).
    assert incidents.count() == 5
    assert source.incident_links.count() > 5
    assert set(incidents.values_list("status", flat=True)) == {"published"}
    assert incidents.filter(location__slug__contains="embassy", date_start="2023-12-08").exists()
    # The strike near Kirkuk has no date in the text, only "before yesterday's attacks": a range ending then.
    kirkuk = incidents.get(location__name_en="Kirkuk")
    assert (kirkuk.date_precision, kirkuk.date_start.isoformat(), kirkuk.date_end.isoformat()) == (
        "range", "2023-11-08", "2023-12-08"
    )
    assert "no date" in kirkuk.editor_note
    assert Statement.objects.filter(source=source).count() >= 5
    assert "imported and published 5 incidents and" in out
    before = (Source.objects.count(), Incident.objects.count(), Statement.objects.count())
    out, _ = load_seed()
    assert "already imported" in out
    assert (Source.objects.count(), Incident.objects.count(), Statement.objects.count()) == before


def test_load_seed_asks_for_the_gazetteer_first():
    with pytest.raises(CommandError, match="run `manage.py load_reference` first"):
        load_seed()
    assert Source.objects.count() == 0
