"""The API's indexes, the search text kept by triggers, and the data version that caches key on."""
import django.contrib.postgres.indexes
from django.contrib.postgres.operations import BtreeGistExtension, TrigramExtension
from django.db import migrations, models

# Arabic folded so that the spellings people type match the spellings articles print: hamza forms of
# alef (أ إ آ ٱ) as bare alef, teh marbuta as heh, alef maksura as yeh, tatweel and the harakat (U+064B
# to U+065F, dagger alef U+0670) dropped; Latin letters lower-cased. The API folds `q` with the same
# function, so there is one definition.
NORMALIZE = r"""
CREATE FUNCTION marsad_search_normalize(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN translate(regexp_replace(lower(value), '[\u064B-\u065F\u0670\u0640]', '', 'g'), 'أإآٱةى', 'ااااهي');
"""

# An incident's search text: its public text only (never the editor's note), with every evidence
# excerpt of its sources. Incident rows compute it before they are written; a change to evidence, by
# whatever path (admin, import, services, SQL), rewrites the incident's row, which also marks it as
# updated for mirrors following `updated_since`. A change to its actors marks it updated too.
SEARCH_TRIGGERS = """
CREATE FUNCTION marsad_incident_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := marsad_search_normalize(concat_ws(' ', NEW.title, NEW.title_ar, NEW.description,
    (SELECT string_agg(excerpt, ' ' ORDER BY id) FROM incidents_incidentsource WHERE incident_id = NEW.id)));
  RETURN NEW;
END $$;
CREATE TRIGGER incident_search_text BEFORE INSERT OR UPDATE OF title, title_ar, description, search_text
  ON incidents_incident FOR EACH ROW EXECUTE FUNCTION marsad_incident_search_text();

-- Once per statement, each incident once, found by its primary key (an id list, never a join the
-- planner could make a scan of the table): a bulk load of evidence rewrites each incident one time.
CREATE FUNCTION marsad_incident_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT incident_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    ids := ARRAY(SELECT incident_id FROM new_rows UNION SELECT incident_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT DISTINCT incident_id FROM old_rows);
  END IF;
  UPDATE incidents_incident SET search_text = '', updated_at = clock_timestamp() WHERE id = ANY(ids);
  RETURN NULL;
END $$;
""" + "".join(
    f"CREATE TRIGGER {table}_touch_{event.lower()} AFTER {event} ON incidents_{table} "
    f"REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION marsad_incident_touch();\n"
    for table in ("incidentsource", "incidentactor")
    for event, transition in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "NEW TABLE AS new_rows OLD TABLE AS old_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    )
) + """
UPDATE incidents_incident SET search_text = '';
"""

# One row whose version changes with every statement that writes what the incident API shows. A cache
# keyed on it (counts, ETags) is right once the writing transaction commits, and never before; the
# numbers come from a sequence so a rolled-back write never hands out a number twice.
DATA_VERSION_TABLES = [
    "incidents_incident",
    "incidents_incidentactor",
    "incidents_incidentsource",
    "incidents_location",
    "incidents_actor",
    "incidents_source",
]
DATA_VERSION = """
CREATE SEQUENCE marsad_data_version_seq;
CREATE TABLE marsad_data_version (
  id smallint PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO marsad_data_version VALUES (1, nextval('marsad_data_version_seq'));
CREATE FUNCTION marsad_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE marsad_data_version SET version = nextval('marsad_data_version_seq') WHERE id = 1;
  RETURN NULL;
END $$;
""" + "".join(
    f"CREATE TRIGGER {table}_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION marsad_data_version_bump();\n"
    for table in DATA_VERSION_TABLES
)
DATA_VERSION_REVERSE = "".join(f"DROP TRIGGER {table}_data_version ON {table};\n" for table in DATA_VERSION_TABLES) + """
DROP FUNCTION marsad_data_version_bump();
DROP TABLE marsad_data_version;
DROP SEQUENCE marsad_data_version_seq;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('incidents', '0005_scale_synthetic'),
    ]

    operations = [
        BtreeGistExtension(),
        TrigramExtension(),
        migrations.AddField(
            model_name='incident',
            name='search_text',
            field=models.TextField(blank=True, db_default='', default='', editable=False, verbose_name='search text'),
        ),
        migrations.RunSQL(NORMALIZE, "DROP FUNCTION marsad_search_normalize(text);"),
        migrations.RunSQL(
            SEARCH_TRIGGERS,
            """
            DROP FUNCTION marsad_incident_touch() CASCADE;
            DROP TRIGGER incident_search_text ON incidents_incident;
            DROP FUNCTION marsad_incident_search_text();
            """,
        ),
        migrations.RunSQL(DATA_VERSION, DATA_VERSION_REVERSE),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(condition=models.Q(('status', 'published')), fields=['date_start', 'id'], name='incident_published_date_id'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(condition=models.Q(('status', 'published')), fields=['updated_at', 'id'], name='incident_published_updated'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=django.contrib.postgres.indexes.GistIndex(condition=models.Q(('status', 'published')), fields=['point', 'date_end', 'date_start'], name='incident_published_point_dates'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=django.contrib.postgres.indexes.GinIndex(condition=models.Q(('status', 'published')), fields=['search_text'], name='incident_published_search', opclasses=['gin_trgm_ops']),
        ),
    ]
