#!/usr/bin/env python3
"""Back up Marsad's whole database to one file, or restore such a file: `make backup`, `make restore`.

    python3 scripts/backup.py backup [FILE]            # default: $MARSAD_BACKUP_DIR/marsad-<UTC time>.dump
    python3 scripts/backup.py restore FILE [--replace]

The database is the app's: DATABASE_URL, else the local cluster (MARSAD_PG_PORT), as tracker/settings.py
reads them. A backup is `pg_dump --format=custom` of the whole database (every table, the edit history
included, with its indexes, constraints, triggers and sequence positions), written to FILE.partial and renamed
once pg_restore has read it back whole, readable by its owner only (it holds password hashes and API tokens).

A restore goes into an empty database (one that holds nothing but extensions, such as a database just made
with CREATE DATABASE) and refuses any other: with --replace it first drops everything the database holds
(its tables, views, sequences, functions and types; extensions stay) and restores the backup in the same
transaction, so that a restore that fails leaves the database as it was. Objects are owned by the user who
restores (--no-owner), whoever owned them before.

Standard library only, so that it runs without the virtualenv and without the app's settings; it needs the
PostgreSQL client programs (pg_dump, pg_restore, psql), which the server package installs.
"""
import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BACKUP_DIR = ROOT / "backups"

# What the database holds besides its extensions' objects, in the schemas of its users: a database holding
# none of these is empty. The same list is what --replace drops, tables before sequences (a table's identity
# sequence goes with it, and cannot be dropped alone).
USER_SCHEMAS = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
NOT_FROM_AN_EXTENSION = (
    "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '{catalog}'::regclass AND d.objid = {oid} "
    "AND d.deptype = 'e')"
)
USER_OBJECTS = f"""
SELECT CASE c.relkind WHEN 'S' THEN 2 ELSE 1 END AS rank, format('DROP %s IF EXISTS %I.%I CASCADE',
         CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                        WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, n.nspname, c.relname) AS drop,
       format('%I.%I', n.nspname, c.relname) AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND {USER_SCHEMAS}
   AND {NOT_FROM_AN_EXTENSION.format(catalog="pg_class", oid="c.oid")}
UNION ALL
SELECT 3, format('DROP %s IF EXISTS %s CASCADE', CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END,
                 p.oid::regprocedure),
       p.oid::regprocedure::text
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE {USER_SCHEMAS} AND {NOT_FROM_AN_EXTENSION.format(catalog="pg_proc", oid="p.oid")}
UNION ALL
SELECT 4, format('DROP TYPE IF EXISTS %s CASCADE', t.oid::regtype), t.oid::regtype::text
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typtype IN ('e', 'd', 'r', 'm') AND {USER_SCHEMAS}
   AND {NOT_FROM_AN_EXTENSION.format(catalog="pg_type", oid="t.oid")}
"""
# Runs first in the restore's transaction when --replace is given.
DROP_USER_OBJECTS = f"""
DO $marsad_restore$
DECLARE
  object record;
BEGIN
  FOR object IN SELECT drop FROM ({USER_OBJECTS}) AS objects ORDER BY rank LOOP
    EXECUTE object.drop;
  END LOOP;
END
$marsad_restore$;
"""


class Failure(Exception):
    """A message for the person who ran the command, who can act on it."""


def database_url():
    """Return the app's database URL, as tracker/settings.py builds it."""
    port = os.environ.get("MARSAD_PG_PORT", "54329")
    return os.environ.get("DATABASE_URL") or f"postgis://marsad:marsad@127.0.0.1:{port}/marsad"


class Database:
    """The database at a DATABASE_URL, and the PostgreSQL client programs that suit its server."""

    def __init__(self, url):
        parts = urlsplit(url)
        if parts.scheme not in ("postgis", "postgres", "postgresql", "pgsql"):
            raise Failure(f"DATABASE_URL must be a PostgreSQL URL (postgis://…), not {parts.scheme}://…")
        host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname or ""
        # libpq reads the user name percent-encoded, as the URL has it. The password goes in the environment,
        # not on a command line that any local user could read.
        netloc = (parts.username + "@" if parts.username else "") + host + (f":{parts.port}" if parts.port else "")
        self.uri = urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))
        self.name = unquote(parts.path.lstrip("/"))
        self.env = dict(os.environ)
        if parts.password is not None:
            self.env["PGPASSWORD"] = unquote(parts.password)
        self.major = None
        (version,) = self.query("SHOW server_version_num")
        self.major = int(version) // 10000

    def program(self, name):
        """Return the path of client program `name`, of the server's major version when it is installed.

        A client older than the server cannot dump it, and a newer pg_restore may write SQL an older server
        does not know: Debian keeps each version's programs under /usr/lib/postgresql/VERSION/bin.
        """
        versioned = Path(f"/usr/lib/postgresql/{self.major}/bin/{name}")
        if self.major is not None and versioned.exists():
            return str(versioned)
        found = shutil.which(name)
        if found is None:
            raise Failure(
                f"{name} is not installed: it comes with PostgreSQL's client package "
                "(scripts/setup-system.sh installs it; on Debian, apt-get install postgresql-client)."
            )
        return found

    def query(self, sql):
        """Return the rows of `sql` (one column each) as strings."""
        result = subprocess.run(
            [self.program("psql"), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", self.uri, "-c", sql],
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise Failure(f"Cannot query the database {self.name}: {result.stderr.strip()}")
        return [line for line in result.stdout.splitlines() if line]

    def user_objects(self):
        """Return the names of what the database holds besides its extensions."""
        return self.query(f"SELECT name FROM ({USER_OBJECTS}) AS objects ORDER BY rank, name")


def backup(path, database):
    """Dump the whole `database` to `path`; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_name(path.name + ".partial")
    # The file holds password hashes, sessions and API tokens: its owner alone may read it.
    partial.touch(mode=0o600)
    partial.chmod(0o600)
    try:
        result = subprocess.run(
            [database.program("pg_dump"), "--format=custom", "--file", str(partial), "-d", database.uri],
            env=database.env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise Failure(f"pg_dump failed, no backup was written: {result.stderr.strip()}")
        # Read the file back whole (its table of contents and every table's data) before calling it a backup.
        check = subprocess.run(
            [database.program("pg_restore"), "--file", os.devnull, str(partial)], capture_output=True, text=True
        )
        if check.returncode != 0:
            raise Failure(f"The backup cannot be read back, so it was not kept: {check.stderr.strip()}")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def restore_list(path, pg_restore):
    """Return the table of contents pg_restore is to follow: the whole backup, less what belongs to extensions
    and holds nothing of the app's.

    The extensions are created only where they are missing (CREATE EXTENSION IF NOT EXISTS), so that a user who
    owns the database but not the extensions a superuser created in it can restore. Such a user may not set an
    extension's comment, nor write to its tables (PostGIS's spatial_ref_sys): the comments are left out, and an
    extension's table too when the backup holds no row of it.
    """
    result = subprocess.run([pg_restore, "--list", str(path)], capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"{path} is not a backup pg_restore can read, nothing was restored: {result.stderr.strip()}")
    lines = result.stdout.splitlines()
    created = {match.groups() for line in lines if (match := re.match(r"\d+; \d+ \d+ TABLE (\S+) (\S+) ", line))}
    kept = []
    for line in lines:
        if re.match(r"\d+; \d+ \d+ COMMENT - EXTENSION ", line):
            continue
        data = re.match(r"\d+; \d+ \d+ TABLE DATA (\S+) (\S+) ", line)
        # Data of a table the backup does not create: an extension's configuration table.
        if data and data.groups() not in created and not rows_in_backup(path, pg_restore, *data.groups()):
            continue
        kept.append(line + "\n")
    return "".join(kept)


def rows_in_backup(path, pg_restore, schema, table):
    """Return whether the backup holds any row of `schema`.`table`."""
    result = subprocess.run(
        [pg_restore, "--data-only", "--schema", schema, "--table", table, "--file", "-", str(path)],
        capture_output=True,
        text=True,
    )
    lines = iter(result.stdout.splitlines())
    for line in lines:
        if line.startswith("COPY "):
            return next(lines, "\\.") != "\\."
    return False


def restore(path, database, *, replace=False):
    """Restore backup `path` into `database`, which must be empty unless `replace`."""
    path = Path(path)
    if not path.is_file():
        raise Failure(f"No backup file at {path}.")
    held = database.user_objects()
    if held and not replace:
        raise Failure(
            f"The database {database.name} is not empty ({len(held)} tables, sequences, functions or types, such "
            f"as {', '.join(held[:2])}), and a restore would overwrite it. Restore into an empty database (made "
            "with CREATE DATABASE), or replace everything it holds with the backup: make restore "
            "BACKUP_FILE=… REPLACE=yes (scripts/backup.py restore FILE --replace)."
        )
    pg_restore = database.program("pg_restore")
    with tempfile.NamedTemporaryFile("w", prefix="marsad-restore-", suffix=".list") as contents:
        contents.write(restore_list(path, pg_restore))
        contents.flush()
        # pg_restore writes the backup as SQL, which psql runs in one transaction after the drops. COMMIT is
        # sent only once pg_restore has read the whole file: when it or psql fails, psql ends with the
        # transaction open, PostgreSQL rolls it back, and the database is left as it was.
        psql = subprocess.Popen(
            [database.program("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database.uri],
            env=database.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        reader = subprocess.Popen(
            [pg_restore, "--no-owner", "--no-privileges", "--use-list", contents.name, "--file", "-", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            psql.stdin.write(b"SET client_min_messages = warning;\nBEGIN;\n")
            if replace:
                psql.stdin.write(DROP_USER_OBJECTS.encode())
            shutil.copyfileobj(reader.stdout, psql.stdin, 1 << 20)
            if reader.wait() == 0:
                psql.stdin.write(b"COMMIT;\n")
            psql.stdin.close()
        except BrokenPipeError:
            # psql stopped at an error: it says which below.
            reader.kill()
            reader.wait()
        psql_errors = psql.stderr.read().decode(errors="replace").strip()
        psql.wait()
    read_errors = reader.stderr.read().decode(errors="replace").strip()
    if reader.returncode != 0 and read_errors:
        raise Failure(f"{path} cannot be read, nothing was restored: {read_errors}")
    if psql.returncode != 0 or reader.returncode != 0:
        raise Failure(f"The restore into {database.name} failed and was rolled back: {psql_errors or read_errors}")


def backup_file_name(now=None):
    now = now or datetime.datetime.now(datetime.timezone.utc)
    directory = Path(os.environ.get("MARSAD_BACKUP_DIR") or DEFAULT_BACKUP_DIR)
    return directory / f"marsad-{now:%Y%m%dT%H%M%SZ}.dump"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    backup_command = commands.add_parser("backup", help="dump the whole database to one file")
    backup_command.add_argument(
        "file", nargs="?", help="where to write it (default: $MARSAD_BACKUP_DIR/marsad-<UTC time>.dump)"
    )
    restore_command = commands.add_parser("restore", help="restore a backup into an empty database")
    restore_command.add_argument("file")
    restore_command.add_argument(
        "--replace", action="store_true", help="drop everything the database holds and restore in its place"
    )
    args = parser.parse_args(argv)
    try:
        database = Database(database_url())
        if args.command == "backup":
            path = backup(args.file or backup_file_name(), database)
            print(f"Backed up the database {database.name} to {path} ({path.stat().st_size:,} bytes).")
        else:
            restore(args.file, database, replace=args.replace)
            print(f"Restored {args.file} into the database {database.name}.")
    except Failure as failure:
        print(failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
