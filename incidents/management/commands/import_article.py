"""Import a news article from a file: print the extracted draft, store it for review, or publish it."""
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from incidents.extraction.intake import IntakeError, parse_published, text_from_upload
from incidents.importing import import_article

# The exit status of a dry run whose text an import would not write (documented in the help).
EXIT_ALREADY_STORED = 3
EXIT_WAITING_FOR_REVIEW = 4


class Command(BaseCommand):
    help = (
        "Import an article (.txt, .html or .md): extract its incidents and statements and store them as a "
        "draft for review, or print them with --dry-run, or publish them as is with --publish. "
        "With --format json the command prints one JSON object on stdout, whatever happens. "
        f"Exit status: 0 done; 1 refused (bad file, date or options). With --dry-run the extraction is always "
        f"printed, and the status says what an import would find: {EXIT_ALREADY_STORED} the text is already "
        f"stored as a source (the JSON's \"already_stored\" names it), {EXIT_WAITING_FOR_REVIEW} it waits for "
        f"review as an import draft (\"waiting_for_review\"). Without --dry-run such a text is reported and "
        f"nothing is written (status 0)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The article file (.txt, .html or .md).")
        parser.add_argument("--published", required=True, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--publisher", default="", help="The outlet that published it.")
        parser.add_argument("--url", default="", help="The article's address.")
        parser.add_argument("--title", default="", help="Title (default: the article's first line).")
        parser.add_argument("--language", choices=["ar", "en"], help="Article language (default: detected).")
        parser.add_argument("--dry-run", action="store_true", help="Print the draft and write nothing.")
        parser.add_argument("--format", choices=["json", "text"], default="text", help="How to print the draft.")
        parser.add_argument("--publish", action="store_true", help="Confirm the draft as is: publish everything.")

    def handle(self, *args, file, published, publisher, url, title, language, dry_run, format, publish, **options):
        if dry_run and publish:
            raise CommandError("--dry-run writes nothing, so it cannot --publish; choose one.")
        try:
            published_date = parse_published(published, timezone.localdate())
            text = text_from_upload(self.read(file), file.name)
            result = import_article(
                text=text,
                published=published_date,
                language=language,
                title=title,
                publisher=publisher,
                url=url,
                dry_run=dry_run,
                publish=publish,
            )
        except IntakeError as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        known = known_text(result, file.name)
        if known is not None and not dry_run:
            if format == "json":
                self.stdout.write(json.dumps({known["key"]: known["json"]}, ensure_ascii=False, indent=1))
            else:
                self.stdout.write(known["json"]["note"])
            return
        if format == "json":
            proposal = dict(result.proposal, **({known["key"]: known["json"]} if known else {}))
            self.stdout.write(json.dumps(proposal, ensure_ascii=False, indent=1))
        else:
            self.stdout.write(summary(result.proposal))
        if dry_run:
            if known is not None:  # the note again on stderr, and the status that says it
                raise CommandError(known["json"]["note"], returncode=known["status"])
            return
        for message in result.skipped:
            self.stderr.write(f"Not published: {message}")
        out = self.stderr if format == "json" else self.stdout
        if result.source is not None:
            out.write(
                f"Published source {result.source.pk} with {result.source.incidents.distinct().count()} incidents and "
                f"{result.source.statements.count()} statements."
            )
        else:
            out.write(f"Stored import draft {result.draft.pk} for review in the admin.")

    def read(self, path):
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"There is no file {path}.") from None
        except IsADirectoryError:
            raise CommandError(f"{path} is a folder, not an article file.") from None
        except OSError as error:
            raise CommandError(f"{path} cannot be read: {error.strerror}.") from None


def known_text(result, name):
    """Return how to report a text already stored or waiting for review ({key, json, status}), else None."""
    if result.existing is not None:
        source = result.existing
        return {
            "key": "already_stored",
            "status": EXIT_ALREADY_STORED,
            "json": {
                "source": source.pk,
                "title": source.title,
                "published": source.published.isoformat(),
                "in_trash": source.is_deleted,
                "note": f"{name}: this text is already stored as source {source.pk} "
                f"(“{source.title}”, {source.published:%Y-%m-%d})"
                + (", which is in the trash (a reviewer can restore it)" if source.is_deleted else "")
                + "; nothing was written.",
            },
        }
    if result.pending is not None:
        return {
            "key": "waiting_for_review",
            "status": EXIT_WAITING_FOR_REVIEW,
            "json": {
                "import_draft": result.pending.pk,
                "note": f"{name}: this text waits for review as import draft {result.pending.pk}; nothing was written.",
            },
        }
    return None


def _figures(label, figures):
    if not figures or all(value is None for value in figures.values()):
        return ""
    if figures.get("best") is not None:
        return f", {label} {figures['best']}"
    low, high = figures.get("low"), figures.get("high")
    return f", {label} {low if low is not None else '?'}–{high if high is not None else '?'}"


def summary(proposal):
    """Return a readable summary of a proposal."""
    source = proposal["source"]
    lines = [f"{source.get('title', '')}", f"{source['language']}, published {source['published']}", ""]
    lines.append(f"Incidents: {len(proposal['incidents'])}")
    for index, incident in enumerate(proposal["incidents"]):
        place = incident["location"]
        where = "no place"
        if place:
            where = " ".join(part for part in (place.get("qualifier"), place["name_en"]) if part)
            where += f" (precision {place['geo_precision']})"
        count = f" ×{incident['count']}" if incident["count"] > 1 else ""
        lines.append(
            f"  [{index}] {incident['date'] or 'undated'}  {incident['sub_event_type']}{count}, "
            f"{incident['weapon']}, {incident['outcome']} — {where}"
            f"{_figures('killed', incident['killed'])}{_figures('injured', incident['injured'])}"
            f"  (confidence {incident['confidence']})"
        )
        actors = ", ".join(f"{actor['name_en']} ({actor['role']})" for actor in incident["actors"])
        if actors:
            lines.append(f"      actors: {actors}")
    lines.append(f"Statements: {len(proposal['statements'])}")
    for statement in proposal["statements"]:
        about = f" → {statement['incidents']}" if statement["incidents"] else ""
        speaker = statement["speaker"] or statement["speaker_actor"]
        lines.append(f"  - {statement['kind']}: {speaker} ({statement['verb']}){about}")
    return "\n".join(lines)
