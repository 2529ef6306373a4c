"""Load the reviewed coding of the seed article(s) through the services an import uses."""
import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from incidents.models import Actor, Location, Source
from incidents.services import (
    ActorRole,
    IncidentData,
    StatementData,
    evidence_find,
    incident_create,
    source_get_or_create,
    statement_create,
)

SEED_DIR = Path(__file__).resolve().parents[2] / "data" / "seed"


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


class Command(BaseCommand):
    help = "Load the seed article and its reviewed coding (incidents, statements); skips what is loaded."

    def add_arguments(self, parser):
        parser.add_argument("codings", nargs="*", type=Path, help="Coding JSON files (default: the shipped seed).")

    def handle(self, *args, codings=(), **options):
        for path in codings or sorted(SEED_DIR.glob("*.coding.json")):
            self.load(path)

    def load(self, path):
        coding = json.loads(path.read_text(encoding="utf-8"))
        meta = coding["source"]
        text = (path.parent / meta["file"]).read_text(encoding="utf-8")
        if Source.objects.with_hash(text).exists():
            self.stdout.write(f"{meta['file']}: already loaded, nothing to do.")
            return
        with transaction.atomic():
            source, _ = source_get_or_create(
                title=meta["title"],
                text=text,
                language=meta["language"],
                published=_date(meta["published"]),
                publisher=meta.get("publisher", ""),
                url=meta.get("url", ""),
            )
            incidents = {item["key"]: incident_create(data=self.incident_data(item, source)) for item in coding["incidents"]}
            for item in coding["statements"]:
                statement_create(data=self.statement_data(item, source, incidents))
        self.stdout.write(
            f"{meta['file']}: loaded {len(incidents)} incidents and {len(coding['statements'])} statements."
        )

    def incident_data(self, item, source):
        killed = item.get("killed", {})
        injured = item.get("injured", {})
        return IncidentData(
            title=item["title"],
            title_ar=item.get("title_ar", ""),
            date_start=_date(item["date_start"]),
            date_end=_date(item.get("date_end")),
            date_precision=item.get("date_precision", "day"),
            event_type=item["event_type"],
            sub_event_type=item["sub_event_type"],
            weapon=item.get("weapon", "unknown"),
            outcome=item.get("outcome", "unknown"),
            count=item.get("count", 1),
            location=self.get(Location, item["location"]),
            geo_precision=item.get("geo_precision"),
            killed_best=killed.get("best"),
            killed_low=killed.get("low"),
            killed_high=killed.get("high"),
            injured_best=injured.get("best"),
            injured_low=injured.get("low"),
            injured_high=injured.get("high"),
            verification=item.get("verification", "reported"),
            status=item.get("status", "draft"),
            editor_note=item.get("editor_note", ""),
            actors=[ActorRole(actor=self.get(Actor, a["actor"]), role=a["role"]) for a in item.get("actors", [])],
            evidence=[evidence_find(source=source, excerpt=excerpt) for excerpt in item.get("evidence", [])],
        )

    def statement_data(self, item, source, incidents):
        return StatementData(
            source=source,
            kind=item["kind"],
            text=item["text"],
            language=item.get("language", source.language),
            speaker_actor=self.get(Actor, item["speaker_actor"]) if item.get("speaker_actor") else None,
            speaker_description=item.get("speaker_description", ""),
            date=_date(item.get("date")),
            translation=item.get("translation", ""),
            editor_note=item.get("editor_note", ""),
            flagged=item.get("flagged", False),
            evidence=evidence_find(source=source, excerpt=item["text"]),
            incidents=[incidents[key] for key in item.get("incidents", [])],
        )

    def get(self, model, slug):
        try:
            return model.objects.get(slug=slug)
        except model.DoesNotExist:
            raise CommandError(
                f"The seed coding names {model._meta.verbose_name} '{slug}', which is not loaded: "
                "run `manage.py load_reference` first."
            ) from None
