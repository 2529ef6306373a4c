"""The import_article command: dry run as JSON, draft for review, --publish, and editor-facing errors."""
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from incidents.models import ImportDraft, ImportDraftStatus, Incident, Source, Statement

SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "000_41addf8ff6d70d2f.txt"
ENGLISH = Path(__file__).resolve().parent / "articles" / "en_02_jurf_alqaim_strikes_ap.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference():
    """Load the gazetteer and the starter actors (the import matches the article against them)."""
    call_command("load_reference", stdout=StringIO())


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_article", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def written():
    return (Source.objects.count(), ImportDraft.objects.count(), Incident.objects.count(), Statement.objects.count())


def test_dry_run_prints_the_draft_as_one_json_object_and_writes_nothing(reference):
    out, _ = run(SEED, "--published", "2023-12-09", "--dry-run", "--format", "json", "--publisher", "Alhurra")
    draft = json.loads(out)
    assert draft["source"]["language"] == "ar"
    assert draft["source"]["published"] == "2023-12-09"
    assert draft["source"]["publisher"] == "Alhurra"
    assert draft["source"]["title"].startswith("تصاعد الهجمات ضد القوات الأميركية")
    assert isinstance(draft["incidents"], list) and isinstance(draft["statements"], list)
    for incident in draft["incidents"]:
        assert {"date", "date_precision", "event_type", "sub_event_type", "weapon", "outcome", "count", "killed",
                "injured", "location", "actors", "evidence", "confidence"} <= incident.keys()
        for excerpt in incident["evidence"]:
            assert excerpt in SEED.read_text(encoding="utf-8")
    assert written() == (0, 0, 0, 0)


def test_the_language_is_detected_and_can_be_given(reference):
    out, _ = run(ENGLISH, "--published", "2024-01-24", "--dry-run", "--format", "json")
    assert json.loads(out)["source"]["language"] == "en"
    out, _ = run(ENGLISH, "--published", "2024-01-24", "--dry-run", "--format", "json", "--language", "ar")
    assert json.loads(out)["source"]["language"] == "ar"


def test_without_dry_run_a_draft_is_stored_for_review_and_nothing_is_published(reference):
    out, _ = run(SEED, "--published", "2023-12-09")
    assert "Stored import draft" in out
    draft = ImportDraft.objects.get()
    assert draft.status == ImportDraftStatus.PENDING
    assert draft.published.isoformat() == "2023-12-09"
    assert draft.language == "ar"
    assert Source.objects.count() == Incident.objects.count() == Statement.objects.count() == 0


def test_publish_writes_the_source_with_its_incidents_and_statements_once(reference):
    out, err = run(SEED, "--published", "2023-12-09", "--publish", "--publisher", "Alhurra")
    source = Source.objects.get()
    assert source.publisher == "Alhurra"
    incidents = Incident.objects.filter(sources=source).distinct().count()
    assert incidents == 5  # the seed's five incidents, however many sentences cite each
    assert f"Published source {source.pk} with {incidents} incidents" in out
    assert ImportDraft.objects.get().status == ImportDraftStatus.CONFIRMED
    assert all(incident.status == "published" for incident in Incident.objects.all())
    before = written()
    out, _ = run(SEED, "--published", "2023-12-09", "--publish")
    assert f"already stored as source {source.pk}" in out
    assert written() == before


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"", "empty.txt", "The file is empty."),
        (b"   \n\t  \n", "blank.txt", "The file is empty."),
        (b"%PDF-1.7 binary", "article.txt", "This file looks like a PDF document, not text."),
        (b"plain words", "article.docx", "“.docx” files cannot be imported"),
        (bytes(range(256)) * 40, "noise.txt", "binary data, not text"),
        (b"x" * (512 * 1024 + 1), "huge.txt", "larger than the 512 kB limit"),
    ],
)
def test_bad_files_are_refused_with_a_message_and_write_nothing(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=re.escape(message)):
        run(path, "--published", "2023-12-09")
    assert written() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    "published, message",
    [
        ("", "Give the publication date"),
        ("not a date", "“not a date” is not a date; use YYYY-MM-DD."),
        ("2023-02-30", "is not a date"),
        ("2999-01-01", "The publication date 2999-01-01 is in the future."),
    ],
)
def test_bad_publication_dates_are_refused_and_write_nothing(published, message):
    with pytest.raises(CommandError, match=message):
        run(SEED, "--published", published)
    assert written() == (0, 0, 0, 0)


def test_a_missing_file_a_folder_and_dry_run_with_publish_are_refused(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        run(tmp_path / "nowhere.txt", "--published", "2023-12-09")
    with pytest.raises(CommandError, match="is a folder, not an article file"):
        run(tmp_path, "--published", "2023-12-09")
    with pytest.raises(CommandError, match="cannot --publish"):
        run(SEED, "--published", "2023-12-09", "--dry-run", "--publish")
    assert written() == (0, 0, 0, 0)


def test_a_windows_1256_article_is_decoded_before_extraction(tmp_path, reference):
    path = tmp_path / "cp1256.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").replace("“", '"').replace("”", '"').encode("windows-1256"))
    out, _ = run(path, "--published", "2023-12-09", "--dry-run", "--format", "json")
    draft = json.loads(out)
    assert draft["source"]["language"] == "ar"
    assert draft["source"]["title"].startswith("تصاعد الهجمات")


def test_a_dry_run_of_a_stored_text_prints_its_extraction_and_names_the_source_with_its_own_exit_status(reference):
    run(SEED, "--published", "2023-12-09", "--publish")
    source = Source.objects.get()
    before = written()
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_article", str(SEED), "--published", "2023-12-09", "--dry-run", "--format", "json",
                     stdout=out, stderr=err)
    assert refused.value.returncode == 3
    assert f"already stored as source {source.pk}" in str(refused.value)
    draft = json.loads(out.getvalue())  # stdout holds the JSON object and nothing else
    assert len(draft["incidents"]) == 5 and draft["statements"]
    assert draft["already_stored"]["source"] == source.pk
    assert draft["already_stored"]["published"] == "2023-12-09"
    assert f"source {source.pk}" in draft["already_stored"]["note"]
    assert written() == before


def test_a_dry_run_of_a_text_waiting_for_review_says_so_with_its_own_exit_status(reference):
    run(SEED, "--published", "2023-12-09")
    pending = ImportDraft.objects.get()
    out = StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_article", str(SEED), "--published", "2023-12-09", "--dry-run", "--format", "json",
                     stdout=out, stderr=StringIO())
    assert refused.value.returncode == 4
    draft = json.loads(out.getvalue())
    assert draft["incidents"] and draft["waiting_for_review"]["import_draft"] == pending.pk
    assert ImportDraft.objects.count() == 1


def test_json_output_stays_json_when_an_import_of_a_stored_text_writes_nothing(reference):
    run(SEED, "--published", "2023-12-09", "--publish")
    source = Source.objects.get()
    out, _ = run(SEED, "--published", "2023-12-09", "--format", "json")
    assert json.loads(out) == {"already_stored": {
        "source": source.pk, "title": source.title, "published": "2023-12-09", "in_trash": False,
        "note": f"000_41addf8ff6d70d2f.txt: this text is already stored as source {source.pk} "
                f"(“{source.title}”, 2023-12-09); nothing was written.",
    }}


def test_the_help_documents_the_exit_statuses():
    from incidents.management.commands.import_article import Command

    text = " ".join(Command().create_parser("manage.py", "import_article").format_help().split())
    assert "3 the text is already stored as a source" in text
    assert "4 it waits for review as an import draft" in text
