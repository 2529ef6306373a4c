"""Load or refresh the gazetteer and the starter actors. Re-running updates rows, never duplicates them."""
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from incidents import geo, merging, reference
from incidents.models import Actor, Location
from incidents.services import reference_upsert


class Command(BaseCommand):
    help = "Load the shipped gazetteer (Iraq, Syria, curated sites) and starter actors; safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--only", choices=["locations", "actors"], help="Load just one of the two.")

    def handle(self, *args, only=None, **options):
        started = time.monotonic()
        if only in (None, "locations"):
            self.report("locations", self.load(Location, reference.location_rows(), self.location_fields))
        if only in (None, "actors"):
            self.report("actors", self.load(Actor, reference.actor_rows(), self.actor_fields))
        self.stdout.write(f"Done in {time.monotonic() - started:.1f} s. Places: GeoNames (geonames.org), OCHA.")

    @transaction.atomic
    def load(self, model, rows, to_fields):
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        by_slug = {}
        for row in rows:
            fields = to_fields(row, by_slug)
            # A row in the trash stays there; a merged row's key gives the one it went into.
            existing = merging.current_by_slug(model, [row.slug]).get(row.slug)
            before = existing.history.count() if existing else 0
            obj, created = reference_upsert(model, slug=row.slug, **fields)
            by_slug[row.slug] = obj
            if created:
                counts["created"] += 1
            elif obj.history.count() > before:
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        return counts

    def location_fields(self, row, by_slug):
        return {
            "name_en": row.name_en,
            "name_ar": row.name_ar,
            "aliases": row.aliases,
            "kind": row.kind,
            "country_code": row.country_code,
            "parent": by_slug[row.parent] if row.parent else None,
            "point": geo.point_from_input(row.lon, row.lat) if row.lat is not None else None,
            "geo_precision": row.geo_precision,
            "geonames_id": row.geonames_id,
            "pcode": row.pcode,
            "notes": row.notes,
        }

    def actor_fields(self, row, by_slug):
        return {
            "name_en": row.name_en,
            "name_ar": row.name_ar,
            "aliases": row.aliases,
            "kind": row.kind,
            "country_code": row.country_code,
            "parent": by_slug[row.parent] if row.parent else None,
            "description": row.description,
        }

    def report(self, label, counts):
        self.stdout.write(
            f"{label}: {counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged"
        )
