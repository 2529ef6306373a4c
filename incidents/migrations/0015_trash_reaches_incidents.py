"""Putting a source or an actor in the trash (or back), or merging an actor, reaches the incidents that link to it.

- An incident's search text (migration 0006) leaves out the excerpts of a source in the trash; restoring the
  source brings them back.
- Deleting or restoring a source or an actor, and merging an actor or undoing it (its `merged_into`), touches
  the incidents that link to it, as a change of their links does (0006's marsad_incident_touch): their search
  text is computed again (so their facts follow, 0010), their `updated_at` moves (mirrors asking for
  `updated_since` see them) and, being a write of incidents, the data version moves (0006) and their edit
  version (0011). The links that a merge moves touch their incidents themselves (0006).
"""
from django.db import migrations

SEARCH_TEXT = """
CREATE OR REPLACE FUNCTION marsad_incident_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := marsad_search_normalize(concat_ws(' ', NEW.title, NEW.title_ar, NEW.description,
    (SELECT string_agg(link.excerpt, ' ' ORDER BY link.id)
       FROM incidents_incidentsource link JOIN incidents_source source ON source.id = link.source_id
      WHERE link.incident_id = NEW.id AND source.deleted_at IS NULL)));
  RETURN NEW;
END $$;
"""

SEARCH_TEXT_REVERSE = """
CREATE OR REPLACE FUNCTION marsad_incident_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := marsad_search_normalize(concat_ws(' ', NEW.title, NEW.title_ar, NEW.description,
    (SELECT string_agg(excerpt, ' ' ORDER BY id) FROM incidents_incidentsource WHERE incident_id = NEW.id)));
  RETURN NEW;
END $$;
"""

# Once per statement (a bulk update of actors touches each incident once), found through the link tables'
# indexes that lead with the actor or the source. A transition table cannot go with a column list, so the
# function keeps the rows whose trash or merge state changed.
TOUCH = """
CREATE FUNCTION marsad_incident_touch_by_end() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_TABLE_NAME = 'incidents_source' THEN
    ids := ARRAY(
      SELECT DISTINCT link.incident_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN incidents_incidentsource link ON link.source_id = n.id
       WHERE n.deleted_at IS DISTINCT FROM o.deleted_at);
  ELSE
    ids := ARRAY(
      SELECT DISTINCT link.incident_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN incidents_incidentactor link ON link.actor_id = n.id
       WHERE n.deleted_at IS DISTINCT FROM o.deleted_at OR n.merged_into_id IS DISTINCT FROM o.merged_into_id);
  END IF;
  IF cardinality(ids) > 0 THEN
    UPDATE incidents_incident SET search_text = '', updated_at = clock_timestamp() WHERE id = ANY(ids);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER source_touch_incidents AFTER UPDATE ON incidents_source
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marsad_incident_touch_by_end();
CREATE TRIGGER actor_touch_incidents AFTER UPDATE ON incidents_actor
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marsad_incident_touch_by_end();
-- The incidents whose search text holds excerpts of sources already in the trash.
UPDATE incidents_incident SET search_text = ''
 WHERE id IN (SELECT link.incident_id FROM incidents_incidentsource link
                JOIN incidents_source source ON source.id = link.source_id
               WHERE source.deleted_at IS NOT NULL);
"""

TOUCH_REVERSE = """
DROP TRIGGER actor_touch_incidents ON incidents_actor;
DROP TRIGGER source_touch_incidents ON incidents_source;
DROP FUNCTION marsad_incident_touch_by_end();
"""


class Migration(migrations.Migration):

    dependencies = [
        ("incidents", "0014_merge_records"),
    ]

    operations = [
        migrations.RunSQL(SEARCH_TEXT, SEARCH_TEXT_REVERSE),
        migrations.RunSQL(TOUCH, TOUCH_REVERSE),
    ]
