"""Security: an editor's upload or paste (untrusted article text) cannot freeze the server (issue 7, item 2).

An attacker controls the bytes of the file, its extension (the intake path: text, HTML or Markdown) and
the pasted text, up to intake.MAX_BYTES. Intake must read any of them in time linear in their size,
extraction ends at MARSAD_IMPORT_TIME_LIMIT with a message and nothing written, and the server keeps
answering other users meanwhile. The hostile samples are `incidents.extraction.adversarial.SAMPLES`.
"""
import json
import multiprocessing
import threading
import time
import urllib.request
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents import importing
from incidents.extraction import intake
from incidents.extraction.adversarial import SAMPLES
from incidents.models import ImportDraft, Incident, Source, Statement

# A bound a test can miss: each hostile file at the size limit is read in about a second or two on a
# loaded two-core machine; before the fix, "**a " or "[" repeated took minutes to hours.
INTAKE_SECONDS = 10
ARTICLES = Path(__file__).resolve().parents[1] / "articles"
PUBLISHED = date(2024, 2, 10)


def _send_intake(sender, data, filename):
    try:
        text = intake.text_from_upload(data, filename)
        sender.send(("text", len(text), intake.detect_language(text) if text else ""))
    except intake.IntakeError as error:
        sender.send(("refused", str(error), ""))
    except Exception as error:  # noqa: BLE001 - reported to the test, which fails on it
        sender.send(("crashed", repr(error), ""))


def intake_within(seconds, data, filename):
    """Return (outcome, detail) of reading `data` in a child process, or fail if it takes over `seconds`.

    A child process, killed at the bound, so that the old quadratic code fails this test in seconds
    instead of holding the suite for hours.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_send_intake, args=(sender, data, filename), daemon=True)
    started = time.monotonic()
    child.start()
    sender.close()
    try:
        finished = receiver.poll(seconds)
        elapsed = time.monotonic() - started
        if not finished:
            pytest.fail(f"intake of {len(data)} bytes ({filename}) took over {seconds} s")
        outcome, detail, _ = receiver.recv()
    finally:
        child.kill()
        child.join()
    return outcome, detail, elapsed


def written():
    return (ImportDraft.objects.count(), Source.objects.count(), Incident.objects.count(), Statement.objects.count())


def long_article(size):
    """Return a real article text of about `size` bytes: the test articles, one after another, repeated."""
    paragraphs = [
        line
        for path in sorted(ARTICLES.glob("en_*.txt"))
        for line in intake.text_from_upload(path.read_bytes(), path.name).splitlines()
        if line.strip()
    ]
    kept, used = [], 0
    while used < size:
        kept.append(paragraphs[len(kept) % len(paragraphs)])
        used += len(kept[-1].encode()) + 1
    return "\n".join(kept)


# --- Intake: linear in the input, at the size limit -------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=[sample.name for sample in SAMPLES])
def test_intake_reads_a_hostile_file_at_the_size_limit_within_seconds(sample):
    data = sample.make(intake.MAX_BYTES)
    assert intake.MAX_BYTES * 0.99 <= len(data) <= intake.MAX_BYTES
    outcome, detail, elapsed = intake_within(INTAKE_SECONDS, data, sample.filename)
    assert outcome in ("text", "refused"), detail
    assert elapsed < INTAKE_SECONDS


def test_intake_time_grows_linearly_with_hostile_markdown():
    """A quarter of the file takes about a quarter of the time, not a sixteenth ("**a " repeated)."""
    sample = next(sample for sample in SAMPLES if sample.name == "md '**the '")
    small, large = sample.make(intake.MAX_BYTES // 4), sample.make(intake.MAX_BYTES)
    intake_within(INTAKE_SECONDS, small, "warm-up.md")
    _, _, small_seconds = intake_within(INTAKE_SECONDS, small, "a.md")
    _, _, large_seconds = intake_within(INTAKE_SECONDS, large, "a.md")
    assert large_seconds < 10 * max(small_seconds, 0.05)


# --- The whole import: ends in bounded time, with a message and nothing written -------------------

# One of each intake path, with the plain texts that keep extraction busiest.
IMPORT_SAMPLES = [
    sample
    for sample in SAMPLES
    if sample.name
    in ("md '**the '", "html '<a the '", "txt 'قصف '", "txt news sentences (en)")
]


@pytest.mark.django_db
@override_settings(MARSAD_IMPORT_TIME_LIMIT=4)
@pytest.mark.parametrize("sample", IMPORT_SAMPLES, ids=[sample.name for sample in IMPORT_SAMPLES])
def test_import_of_a_hostile_file_at_the_size_limit_ends_within_the_time_limit(sample):
    before = written()
    started = time.monotonic()
    try:
        text = intake.text_from_upload(sample.make(intake.MAX_BYTES), sample.filename)
        importing.import_article(text=text, published=PUBLISHED, language=intake.detect_language(text))
    except importing.ExtractionTimeLimit as error:
        assert "took too long to analyse (over 4 seconds)" in str(error)
        assert written() == before
    except intake.IntakeError:
        pass  # refused as not an article: also an answer
    assert time.monotonic() - started < 4 + INTAKE_SECONDS


@pytest.mark.django_db
def test_import_page_ends_an_import_over_the_time_limit_with_a_message_and_writes_nothing(admin_user_logged_in):
    text = long_article(200 * 1024)
    before = written()
    with override_settings(MARSAD_IMPORT_TIME_LIMIT=0.2):
        started = time.monotonic()
        response = admin_user_logged_in.post(
            reverse("admin:incidents_importdraft_import"),
            {"text": text, "published": "2024-02-10", "publisher": "", "url": "", "title": "", "language": ""},
        )
        elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This article took too long to analyse (over 0.2 seconds) and nothing was saved. "
        "Split it into shorter articles, or paste the article text alone."
    ]
    assert written() == before
    assert elapsed < 0.2 + INTAKE_SECONDS


@pytest.mark.django_db
def test_import_page_says_so_in_arabic(admin_user_logged_in):
    with override_settings(MARSAD_IMPORT_TIME_LIMIT=0.2), translation.override("ar"):
        response = admin_user_logged_in.post(
            reverse("admin:incidents_importdraft_import"),
            {"text": long_article(200 * 1024), "published": "2024-02-10", "publisher": "", "url": "", "title": "",
             "language": ""},
            HTTP_ACCEPT_LANGUAGE="ar",
        )
    assert response.context["form"].non_field_errors() == [
        "استغرق تحليل هذا المقال وقتًا أطول من اللازم (أكثر من 0.2 ثانية) ولم يُحفظ شيء. "
        "قسّمه إلى مقالات أقصر، أو الصق نص المقال وحده."
    ]


@pytest.mark.django_db
def test_import_command_ends_an_import_over_the_time_limit_with_an_error_and_writes_nothing(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_article(200 * 1024), encoding="utf-8")
    before = written()
    with override_settings(MARSAD_IMPORT_TIME_LIMIT=0.2), pytest.raises(CommandError) as raised:
        call_command("import_article", str(path), "--published", "2024-02-10", stdout=StringIO(), stderr=StringIO())
    assert str(raised.value) == (
        "This article took too long to analyse (over 0.2 seconds) and nothing was saved. "
        "Split it into shorter articles, or paste the article text alone."
    )
    assert written() == before


@pytest.mark.django_db
def test_an_article_within_the_default_time_limit_is_imported_as_before():
    text = intake.normalize_text((ARTICLES / "en_02_jurf_alqaim_strikes_ap.txt").read_text(encoding="utf-8"))
    result = importing.import_article(text=text, published=date(2024, 2, 3))
    assert result.draft is not None and result.draft.text == text and result.proposal["statements"]


# --- Other users are served while an import runs ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_public_api_answers_promptly_while_a_hostile_import_runs(live_server):
    """A hostile upload's import runs in one thread of the live server's process; the API answers in another."""
    sample = next(sample for sample in SAMPLES if sample.name == "md '**the '")
    data = sample.make(intake.MAX_BYTES)
    done, failures = threading.Event(), []

    def hostile_import():
        try:
            text = intake.text_from_upload(data, sample.filename)
            importing.import_article(text=text, published=PUBLISHED, language="en", dry_run=True)
        except intake.IntakeError:
            pass
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            done.set()

    url = f"{live_server.url}/api/v1/incidents/"
    json.load(urllib.request.urlopen(url, timeout=30))  # warm up: the first request loads the URLconf
    with override_settings(MARSAD_IMPORT_TIME_LIMIT=6):
        worker = threading.Thread(target=hostile_import, daemon=True)
        worker.start()
        time.sleep(0.3)
        waits = []
        while not done.is_set() and len(waits) < 5:
            started = time.monotonic()
            json.load(urllib.request.urlopen(url, timeout=30))
            waits.append(time.monotonic() - started)
            time.sleep(0.2)
        busy = not done.is_set()
        worker.join(timeout=60)
    assert not failures
    assert waits and busy, "the import ended before the API was asked: nothing was measured"
    assert max(waits) < 2, f"the API waited {max(waits):.1f} s for the import"


# --- Property tests: any input gives text or a message, never another exception, in bounded time ----

_MARKUP = "*_[]()!<>`~#-=\n &;/\"'abc:.\u0627\u0644\t"


@settings(max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), extension=st.sampled_from([".txt", ".html", ".htm", ".md", ".pdf", ""]))
def test_any_bytes_give_text_or_a_message(data, extension):
    try:
        text = intake.text_from_upload(data, f"article{extension}")
    except intake.IntakeError as error:
        assert str(error)
    else:
        assert isinstance(text, str) and text.strip()


@settings(max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=_MARKUP, max_size=3000) | st.text(max_size=1000), extension=st.sampled_from([".txt", ".html", ".md"]))
def test_any_markup_gives_text_or_a_message(text, extension):
    try:
        result = intake.text_from_upload(text.encode("utf-8", errors="surrogatepass"), f"article{extension}")
        language = intake.detect_language(result)
    except intake.IntakeError as error:
        assert str(error)
    else:
        assert isinstance(result, str) and language in ("ar", "en")


@settings(max_examples=200, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=3000))
def test_any_paste_gives_text_or_a_message(text):
    try:
        result = intake.text_from_paste(text)
    except intake.IntakeError as error:
        assert str(error)
    else:
        assert result.strip() and "\r" not in result
