"""A data version that every write to the published data moves on: aggregates and tiles are cached on it.

One row, updated by a statement-level trigger on each table that incidents, their filters or their
aggregates read: raw SQL, bulk loads and queryset.update() move it too, which Django's signals would
miss. The row is updated inside the writing transaction, so readers see the new version only with the
new data; the number comes from a sequence, so a rolled-back write never hands out a version that a
later write reuses. Not a Django model, so that `flush` (and the test runner) leaves the row alone.
"""
from django.db import migrations

TABLES = [
    "incidents_incident",
    "incidents_incidentactor",
    "incidents_incidentsource",
    "incidents_source",
    "incidents_location",
    "incidents_actor",
    "incidents_statement",
    "incidents_statementincident",
]

CREATE = [
    "CREATE SEQUENCE marsad_data_version_seq",
    "CREATE TABLE marsad_data_version ("
    " singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),"
    " version bigint NOT NULL)",
    "INSERT INTO marsad_data_version (version) VALUES (nextval('marsad_data_version_seq'))",
    "CREATE FUNCTION marsad_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN UPDATE marsad_data_version SET version = nextval('marsad_data_version_seq'); RETURN NULL; END $$",
    *(
        f"CREATE TRIGGER marsad_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION marsad_bump_data_version()"
        for table in TABLES
    ),
]

DROP = [
    *(f"DROP TRIGGER marsad_data_version ON {table}" for table in TABLES),
    "DROP FUNCTION marsad_bump_data_version()",
    "DROP TABLE marsad_data_version",
    "DROP SEQUENCE marsad_data_version_seq",
]


class Migration(migrations.Migration):
    dependencies = [("incidents", "0004_one_pending_import_per_text")]

    operations = [migrations.RunSQL(sql=CREATE, reverse_sql=DROP)]
