"""Statements move the data version too (migration 0006_core_api made it): aggregates are cached on it.

Statements are not in the incident payloads, but a statement joined to incidents can change what
aggregates and summaries derived from them report; one version for everything keeps the caches simple.
"""
from django.db import migrations

TABLES = ["incidents_statement", "incidents_statementincident"]

CREATE = [
    f"CREATE TRIGGER {table}_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
    " FOR EACH STATEMENT EXECUTE FUNCTION marsad_data_version_bump()"
    for table in TABLES
]
DROP = [f"DROP TRIGGER {table}_data_version ON {table}" for table in TABLES]


class Migration(migrations.Migration):
    dependencies = [("incidents", "0006_core_api")]

    operations = [migrations.RunSQL(sql=CREATE, reverse_sql=DROP)]
