"""Faults in the middle of an import's writes: an exception between two writes of a confirm, and the
importing process killed (SIGKILL) inside its transaction. Either way the database holds nothing of the
import but its draft, still waiting for review, and confirming that draft again writes it whole."""
import os
import signal
import subprocess
import sys
import tempfile
import time
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from incidents import importing, services
from incidents.models import ImportDraft, ImportDraftStatus, Incident, Source, Statement

from .processes import ROOT, database_url
from .test_admin_import import actors, counts, draft, page_data, places, review_url  # noqa: F401 -- fixtures
from .test_command_import_article import SEED


@pytest.mark.django_db
def test_a_failure_between_the_writes_of_a_confirm_leaves_nothing_and_the_review_can_be_confirmed_again(
    admin_user_logged_in, draft, monkeypatch  # noqa: F811 -- the fixture imported above
):
    data = page_data(admin_user_logged_in, draft)
    before = counts()

    def fail(**kwargs):
        raise RuntimeError("injected: the server failed between two writes")

    # The statements are written after the source and the incidents, in the same transaction.
    monkeypatch.setattr(services, "statement_create", fail)
    admin_user_logged_in.raise_request_exception = True
    with pytest.raises(RuntimeError, match="injected"):
        admin_user_logged_in.post(review_url(draft), data)
    assert counts() == before
    draft.refresh_from_db()
    assert draft.status == ImportDraftStatus.PENDING and draft.source is None

    monkeypatch.undo()
    response = admin_user_logged_in.post(review_url(draft), data)
    assert response.status_code == 302
    assert (Source.objects.count(), Incident.objects.count(), Statement.objects.count()) == (1, 1, 1)
    draft.refresh_from_db()
    assert draft.status == ImportDraftStatus.CONFIRMED


def backends(sql, condition):
    return sql.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND "
        + condition
    ).fetchall()


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_inside_its_transaction_leaves_its_draft_to_confirm_and_nothing_else():
    call_command("load_reference", stdout=StringIO())
    settings = connection.settings_dict
    parameters = {"host": settings["HOST"], "port": settings["PORT"], "dbname": settings["NAME"],
                  "user": settings["USER"], "password": settings["PASSWORD"]}
    lock = psycopg.connect(**parameters)
    # Another connection watches: a transaction sees pg_stat_activity as it was when it first looked.
    watch = psycopg.connect(**parameters, autocommit=True)
    # Statements are written last: with their table locked, the import stops there, its source and incidents
    # written inside its open transaction.
    lock.execute("LOCK TABLE incidents_statement IN SHARE ROW EXCLUSIVE MODE")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_article", str(SEED), "--published", "2023-12-09", "--publish"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url(), "DJANGO_DEBUG": "true"},
        stdout=subprocess.DEVNULL,
        stderr=(log := tempfile.TemporaryFile()),
    )
    try:
        deadline = time.monotonic() + 60
        waiting = "wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO \"incidents_statement\"%'"
        while not (blocked := backends(watch, waiting)):
            assert process.poll() is None and time.monotonic() < deadline, (
                f"the import never reached its statements: {log.seek(0) or log.read()[-2000:]!r}"
            )
            time.sleep(0.2)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(30)
        lock.rollback()  # the lock goes; the killed import's server process finds its client gone
    deadline = time.monotonic() + 60
    while backends(watch, f"pid = {blocked[0][0]}"):
        assert time.monotonic() < deadline, "the killed import's transaction never ended"
        time.sleep(0.2)
    lock.close()
    watch.close()

    assert (Source.objects.count(), Incident.objects.count(), Statement.objects.count()) == (0, 0, 0)
    pending = ImportDraft.objects.get()
    assert pending.status == ImportDraftStatus.PENDING

    # The retry: the draft confirmed as the import would have done (the review page's confirm).
    incidents, statements, _ = importing.reviewed_from_proposal_publishable(pending.proposal, pending)
    source = services.import_confirm(draft=pending, incidents=incidents, statements=statements)
    assert Source.objects.get() == source and Incident.objects.count() >= 1 and Statement.objects.count() >= 1
    assert ImportDraft.objects.get().status == ImportDraftStatus.CONFIRMED
