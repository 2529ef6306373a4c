"""The database refuses a new link to an actor or a place merged into another (incidents.merging).

A merge locks both rows (SELECT … FOR UPDATE) and moves every link; a link written at the same time by another
transaction (an import, the API) would wait for the merge, then point to the merged row, hidden. These triggers
read the row pointed to with FOR KEY SHARE, so they wait for a merge in progress and then see it merged, and
refuse: an incident's actor role (incidents_incidentactor.actor_id), a statement's speaker
(incidents_statement.speaker_actor_id) and an incident's place (incidents_incident.location_id), when they are
written or changed. Undoing a merge shows the merged row again before it moves the links back.
"""
from django.db import migrations

LINKS = (
    ("incidents_incidentactor", "actor_id", "incidents_actor"),
    ("incidents_statement", "speaker_actor_id", "incidents_actor"),
    ("incidents_incident", "location_id", "incidents_location"),
)


def refuse(table, column, target):
    """Return the SQL of the function and triggers that refuse a link `table`.`column` to a merged `target` row."""
    name = f"{table}_{column}_not_merged"
    return f"""
CREATE FUNCTION marsad_{name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  merged_into integer;
BEGIN
  IF NEW.{column} IS NOT NULL THEN
    SELECT merged_into_id INTO merged_into FROM {target} WHERE id = NEW.{column} FOR KEY SHARE;
    IF merged_into IS NOT NULL THEN
      RAISE EXCEPTION 'row % of {target} was merged into row %: link to that one instead', NEW.{column}, merged_into
        USING ERRCODE = 'foreign_key_violation', TABLE = '{table}', COLUMN = '{column}';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION marsad_{name}();
CREATE TRIGGER {name}_change BEFORE UPDATE OF {column} ON {table} FOR EACH ROW
  WHEN (OLD.{column} IS DISTINCT FROM NEW.{column}) EXECUTE FUNCTION marsad_{name}();
"""


def unrefuse(table, column, target):
    name = f"{table}_{column}_not_merged"
    return f"DROP TRIGGER {name} ON {table};\nDROP TRIGGER {name}_change ON {table};\nDROP FUNCTION marsad_{name}();\n"


class Migration(migrations.Migration):

    dependencies = [
        ("incidents", "0015_trash_reaches_incidents"),
    ]

    operations = [
        migrations.RunSQL(
            "".join(refuse(*link) for link in LINKS), "".join(unrefuse(*link) for link in LINKS)
        ),
    ]
