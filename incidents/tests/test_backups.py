"""`make backup` and `make restore` (scripts/backup.py), run as an operator runs them, against real databases.

A database filled through the services (incidents, actors, places, sources, statements, their edit history and
a deletion) is backed up and restored into a new empty database; the two must hold the same tables with the
same rows, byte for byte, the same sequence positions, indexes, constraints and triggers.
"""
import datetime
import os
import subprocess
from urllib.parse import quote

import psycopg
import pytest
from django.contrib.auth.models import Group
from django.contrib.gis.geos import Point
from django.db import connection
from psycopg import sql

from incidents import models, services
from incidents.services import ActorRole, IncidentData, StatementData

from .factories import GovernorateFactory, LocationFactory, UserFactory
from .processes import ROOT, database_url

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump reads what is committed


def fill_database():
    """Write a little of everything through the services, as editors do: each write leaves history rows."""
    editor = UserFactory(username="backup-editor")
    editor.groups.add(Group.objects.get(name="reviewer"))  # who publishes (incidents.roles)
    governorate = GovernorateFactory()
    base = LocationFactory(name_en="Ain al-Asad air base", name_ar="قاعدة عين الأسد", parent=governorate)
    town = services.location_create(
        fields={
            "name_en": "Hit",
            "name_ar": "هيت",
            "kind": models.LocationKind.TOWN,
            "parent": governorate,
            "country_code": "IQ",
            "point": Point(42.8267, 33.6417, srid=4326),
            "geo_precision": models.GeoPrecision.EXACT,
        },
        user=editor,
    )
    militia = services.actor_create(
        fields={"name_en": "Islamic Resistance in Iraq", "name_ar": "المقاومة الإسلامية في العراق",
                "kind": models.ActorKind.ARMED_GROUP, "country_code": "IQ"},
        user=editor,
    )
    coalition = services.actor_create(
        fields={"name_en": "US-led coalition", "name_ar": "التحالف الدولي", "kind": models.ActorKind.COALITION},
        user=editor,
    )
    source, _ = services.source_get_or_create(
        title="صواريخ تستهدف قاعدة عين الأسد",
        text="استهدفت ثلاثة صواريخ قاعدة عين الأسد الجوية فجر اليوم، وتبنت المقاومة الإسلامية في العراق الهجوم.",
        language=models.Language.ARABIC,
        published=datetime.date(2023, 12, 9),
        publisher="Example Wire",
        user=editor,
    )
    incidents = [
        services.incident_create(
            data=IncidentData(
                title=f"Rocket attack on Ain al-Asad ({day})",
                title_ar="هجوم صاروخي على قاعدة عين الأسد",
                date_start=datetime.date(2023, 12, day),
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                location=base,
                weapon=models.Weapon.ROCKET,
                killed_best=0,
                injured_low=1,
                injured_high=3,
                actors=[
                    ActorRole(militia, models.ActorRole.PERPETRATOR),
                    ActorRole(coalition, models.ActorRole.TARGET),
                ],
                evidence=[services.evidence_find(source=source, excerpt="استهدفت ثلاثة صواريخ قاعدة عين الأسد")],
            ),
            user=editor,
        )
        for day in (7, 8, 9)
    ]
    services.incidents_publish(incidents=models.Incident.objects.filter(pk__in=[i.pk for i in incidents]), user=editor)
    incidents[0].refresh_from_db()
    services.incident_update(
        incident=incidents[0], fields={"location": town, "description": "Moved to Hit."}, user=editor
    )
    services.statement_create(
        data=StatementData(
            source=source,
            kind=models.StatementKind.CLAIM,
            text="وتبنت المقاومة الإسلامية في العراق الهجوم",
            language=models.Language.ARABIC,
            speaker_actor=militia,
            evidence=services.evidence_find(source=source, excerpt="وتبنت المقاومة الإسلامية في العراق الهجوم"),
            incidents=incidents[:2],
        ),
        user=editor,
    )
    services.incident_delete(incident=incidents[2], user=editor)


def without_make_variables(environment):
    return {name: value for name, value in environment.items() if name not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}


def make(*arguments, database, user=None, **environment):
    """Run `make ARGUMENTS` in the project against `database` (a name on the test server), as an operator does.

    `user`: (name, password) to connect as, instead of the test database's superuser.
    """
    settings = {**connection.settings_dict, "NAME": database}
    if user is not None:
        settings["USER"], settings["PASSWORD"] = (quote(part, safe="") for part in user)
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=ROOT,
        # Not the MAKEFLAGS of a `make test` around this run: the operator's make starts afresh.
        env={**without_make_variables(os.environ), "DATABASE_URL": database_url(settings), **environment},
        capture_output=True,
        text=True,
        timeout=300,
    )


def connect(database):
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"], port=settings["PORT"], user=settings["USER"], password=settings["PASSWORD"],
        dbname=database, autocommit=True,
    )


def fingerprint(database):
    """Return what a database holds, computed in SQL: each table's row count and the md5 of its rows in
    primary-key order, each sequence's position, and the names of its indexes, constraints and triggers."""
    with connect(database) as conn:
        tables = conn.execute(
            """
            SELECT n.nspname, c.relname,
                   array(SELECT a.attname FROM pg_index i JOIN pg_attribute a
                           ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                          WHERE i.indrelid = c.oid AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum))
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\\_%'
            """
        ).fetchall()
        rows = {}
        for schema, table, key in tables:
            assert key, f"{table} has no primary key to order its rows by"
            count, checksum = conn.execute(
                sql.SQL("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY {key}), '')) FROM {table} t")
                .format(key=sql.SQL(", ").join(sql.Identifier("t", column) for column in key),
                        table=sql.Identifier(schema, table))
            ).fetchone()
            rows[f"{schema}.{table}"] = (count, checksum)
        sequences = {}
        for schema, name in conn.execute("SELECT schemaname, sequencename FROM pg_sequences").fetchall():
            sequences[f"{schema}.{name}"] = conn.execute(
                sql.SQL("SELECT last_value, is_called FROM {}").format(sql.Identifier(schema, name))
            ).fetchone()
        structure = conn.execute(
            """
            SELECT array_agg(name ORDER BY name) FROM (
              SELECT 'index ' || indexname AS name FROM pg_indexes WHERE schemaname = 'public'
              UNION ALL SELECT 'constraint ' || conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace
              UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
              UNION ALL SELECT 'function ' || p.oid::regprocedure FROM pg_proc p
                         WHERE pronamespace = 'public'::regnamespace AND prokind = 'f'
              UNION ALL SELECT 'extension ' || extname || ' ' || extversion FROM pg_extension
            ) AS objects
            """
        ).fetchone()[0]
    return {"rows": rows, "sequences": sequences, "structure": structure}


@pytest.fixture
def empty_database():
    """Return the name of a new database made from template0: no PostGIS, nothing at all; dropped afterwards."""
    name = connection.settings_dict["NAME"] + "_restored"
    with connect("postgres") as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    yield name
    with connect("postgres") as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def owned_database(empty_database):
    """Return (database, (user, password)): an empty database owned by a user who is not a superuser, with
    the extensions a superuser made in it, as on a server where the app does not connect as a superuser."""
    owner = (connection.settings_dict["NAME"] + "_owner", "an owner's p@ss/word")
    with connect("postgres") as conn:
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(owner[0])))
        role = sql.Identifier(owner[0])
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(owner[1])))
        conn.execute(sql.SQL("ALTER DATABASE {} OWNER TO {}").format(sql.Identifier(empty_database), role))
    with connect(empty_database) as conn:
        for extension in ("postgis", "pg_trgm", "btree_gist"):
            conn.execute(sql.SQL("CREATE EXTENSION {}").format(sql.Identifier(extension)))
    yield empty_database, owner
    with connect("postgres") as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(empty_database)))
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(owner[0])))


@pytest.fixture
def backup_file(tmp_path):
    """Fill the test database, `make backup` it into tmp_path (as MARSAD_BACKUP_DIR) and return the file."""
    fill_database()
    result = make("backup", database=connection.settings_dict["NAME"], MARSAD_BACKUP_DIR=str(tmp_path / "backups"))
    assert result.returncode == 0, result.stderr
    (path,) = (tmp_path / "backups").iterdir()
    assert str(path) in result.stdout
    return path


def test_a_backup_restored_into_an_empty_database_gives_the_same_tables_row_for_row(backup_file, empty_database):
    source = fingerprint(connection.settings_dict["NAME"])
    result = make("restore", f"BACKUP_FILE={backup_file}", database=empty_database)
    assert result.returncode == 0, result.stderr
    assert f"Restored {backup_file} into the database {empty_database}." in result.stdout
    restored = fingerprint(empty_database)

    assert restored["rows"] == source["rows"]
    assert restored["sequences"] == source["sequences"]
    assert restored["structure"] == source["structure"]
    # What was compared is not nothing: the records, their history (the deletion included) and the users.
    counts = {table: count for table, (count, _) in source["rows"].items()}
    assert counts["public.incidents_incident"] == 3  # one of them in the trash (incidents.trash)
    assert counts["public.incidents_historicalincident"] >= 3 + 3 + 1 + 1  # created, published, edited, deleted
    assert counts["public.incidents_incidentfact"] == 2  # kept by triggers, restored as they were: not the deleted one
    assert counts["public.incidents_statement"] == counts["public.incidents_historicalstatement"] == 1
    assert counts["public.incidents_historicalincidentactor"] >= 6
    assert counts["public.incidents_historicalactor"] >= 2
    assert counts["public.incidents_historicallocation"] >= 1
    assert counts["public.auth_user"] == 1
    assert len(source["rows"]) > 30 and len(source["structure"]) > 100


def test_a_database_owner_who_is_not_a_superuser_restores_and_backs_up(backup_file, owned_database, tmp_path):
    database, owner = owned_database
    source = fingerprint(connection.settings_dict["NAME"])

    result = make("restore", f"BACKUP_FILE={backup_file}", database=database, user=owner)

    assert result.returncode == 0, result.stderr
    assert fingerprint(database)["rows"] == source["rows"]
    again = make("backup", f"BACKUP_FILE={tmp_path / 'again.dump'}", database=database, user=owner)
    assert again.returncode == 0, again.stderr
    replaced = make("restore", f"BACKUP_FILE={tmp_path / 'again.dump'}", "REPLACE=yes", database=database, user=owner)
    assert replaced.returncode == 0, replaced.stderr
    assert fingerprint(database)["rows"] == source["rows"]


def test_the_restored_database_is_the_app_s_at_its_latest_migration(backup_file, empty_database):
    assert make("restore", f"BACKUP_FILE={backup_file}", database=empty_database).returncode == 0
    settings = {**connection.settings_dict, "NAME": empty_database}
    check = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "migrate", "--check"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url(settings), "DJANGO_DEBUG": "true"},
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_backup_file_is_readable_by_its_owner_only(backup_file):
    assert backup_file.name.startswith("marsad-") and backup_file.suffix == ".dump"
    assert backup_file.stat().st_mode & 0o777 == 0o600
    assert not list(backup_file.parent.glob("*.partial"))


def test_a_restore_refuses_a_database_that_is_not_empty(backup_file):
    test_database = connection.settings_dict["NAME"]
    services.actor_create(
        fields={"name_en": "Kataib Hezbollah", "name_ar": "كتائب حزب الله", "kind": models.ActorKind.ARMED_GROUP}
    )
    before = fingerprint(test_database)

    result = make("restore", f"BACKUP_FILE={backup_file}", database=test_database)

    assert result.returncode != 0
    assert f"The database {test_database} is not empty" in result.stderr
    assert "REPLACE=yes" in result.stderr
    assert fingerprint(test_database) == before


def test_a_restore_with_replace_gives_the_backup_whatever_the_database_held(backup_file, empty_database):
    assert make("restore", f"BACKUP_FILE={backup_file}", database=empty_database).returncode == 0
    expected = fingerprint(empty_database)
    with connect(empty_database) as conn:
        # Changes since the backup, and a table a newer migration might have added: all of it goes.
        conn.execute("DELETE FROM incidents_statementincident")
        conn.execute("UPDATE incidents_incident SET title = 'changed'")
        conn.execute("CREATE TABLE incidents_newer (id bigint PRIMARY KEY)")
        conn.execute("CREATE FUNCTION newer_function() RETURNS int LANGUAGE sql AS 'SELECT 1'")

    result = make("restore", f"BACKUP_FILE={backup_file}", "REPLACE=yes", database=empty_database)

    assert result.returncode == 0, result.stderr
    assert fingerprint(empty_database) == expected


def test_a_restore_that_fails_leaves_the_database_as_it_was(backup_file, empty_database, tmp_path):
    assert make("restore", f"BACKUP_FILE={backup_file}", database=empty_database).returncode == 0
    with connect(empty_database) as conn:
        conn.execute("UPDATE incidents_incident SET title = 'changed since the backup'")
    before = fingerprint(empty_database)
    # A copy cut short: its table of contents reads, the data of the last tables does not.
    truncated = tmp_path / "truncated.dump"
    truncated.write_bytes(backup_file.read_bytes()[:-4096])

    result = make("restore", f"BACKUP_FILE={truncated}", "REPLACE=yes", database=empty_database)

    assert result.returncode != 0
    assert "nothing was restored" in result.stderr or "rolled back" in result.stderr
    assert fingerprint(empty_database) == before


def test_a_restore_names_a_missing_file_or_one_that_is_not_a_backup(empty_database, tmp_path):
    result = make("restore", "BACKUP_FILE=/nonexistent/marsad.dump", database=empty_database)
    assert result.returncode != 0
    assert "No backup file at /nonexistent/marsad.dump." in result.stderr
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    result = make("restore", f"BACKUP_FILE={notes}", database=empty_database)
    assert result.returncode != 0
    assert f"{notes} is not a backup pg_restore can read, nothing was restored" in result.stderr
    assert make("restore", database=empty_database).stderr.startswith("Say which backup to restore")
