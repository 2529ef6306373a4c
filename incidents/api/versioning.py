"""The data version: a number that changes whenever what the incident API shows changes.

Database triggers (migration 0006_core_api) give it a new value on every statement that writes incidents, their
actors, sources and places; the value becomes visible when that write commits. Caches of anything
computed from incidents (page counts here, ETags of tiles and aggregates) key on it, so they never
serve a figure older than the data.
"""
from django.db import connection


def data_version() -> int:
    """Return the current data version (one indexed single-row read)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM marsad_data_version WHERE id = 1")
        return cursor.fetchone()[0]
