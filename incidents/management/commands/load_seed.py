"""Import the seed article(s) through the article-import pipeline and publish what extraction finds.

The reviewed coding beside each seed article (`*.coding.json`) gives the article's metadata here; its
incidents and statements are the expected result of the extraction tests, not demo data.
"""
import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from incidents.extraction.intake import text_from_upload
from incidents.importing import import_article
from incidents.models import Location

SEED_DIR = Path(__file__).resolve().parents[2] / "data" / "seed"


class Command(BaseCommand):
    help = "Import the seed article(s) through the import pipeline and publish them; skips what is stored."

    def add_arguments(self, parser):
        parser.add_argument("codings", nargs="*", type=Path, help="Coding JSON files (default: the shipped seed).")

    def handle(self, *args, codings=(), **options):
        if not Location.objects.exists():
            raise CommandError("The gazetteer is empty: run `manage.py load_reference` first.")
        for path in codings or sorted(SEED_DIR.glob("*.coding.json")):
            self.load(path)

    def load(self, path):
        meta = json.loads(path.read_text(encoding="utf-8"))["source"]
        article = path.parent / meta["file"]
        result = import_article(
            text=text_from_upload(article.read_bytes(), article.name),
            published=datetime.date.fromisoformat(meta["published"]),
            language=meta.get("language"),
            title=meta.get("title", ""),
            publisher=meta.get("publisher", ""),
            url=meta.get("url", ""),
            publish=True,
        )
        if result.existing is not None:
            self.stdout.write(f"{meta['file']}: already imported as source {result.existing.pk}, nothing to do.")
            return
        if result.pending is not None:
            self.stdout.write(f"{meta['file']}: waits for review as import draft {result.pending.pk}, nothing to do.")
            return
        for message in result.skipped:
            self.stderr.write(f"{meta['file']}: not published: {message}")
        source = result.source
        self.stdout.write(
            f"{meta['file']}: imported and published {source.incidents.distinct().count()} incidents and "
            f"{source.statements.count()} statements."
        )
