"""Write N synthetic incidents for measuring at scale, or remove every synthetic row."""
import time

from django.core.management.base import BaseCommand, CommandError

from incidents import synthetic
from incidents.models import Location


class Command(BaseCommand):
    help = (
        "Write N synthetic incidents (with sources and actors) over the gazetteer, flagged synthetic; "
        "--remove deletes every synthetic row and nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", nargs="?", type=int, help="How many incidents to write.")
        parser.add_argument("--seed", type=int, help="Seed of the random choices: the same seed writes the same rows.")
        parser.add_argument("--remove", action="store_true", help="Delete the synthetic rows instead.")

    def handle(self, *args, count=None, seed=None, remove=False, **options):
        started = time.monotonic()
        if remove:
            counts = synthetic.remove()
            self.stdout.write(
                f"Removed {counts['incidents']} synthetic incidents and {counts['sources']} synthetic sources"
                f" in {time.monotonic() - started:.1f} s."
            )
            if counts["sources_kept"]:
                self.stdout.write(f"Kept {counts['sources_kept']} synthetic sources that real rows cite.")
            return
        if count is None or count < 1:
            raise CommandError("Give the number of incidents to write (a whole number from 1), or --remove.")
        if not Location.objects.filter(point__isnull=False).exists():
            raise CommandError("The gazetteer is empty: run `manage.py load_reference` first.")
        incidents, sources = synthetic.generate(count, seed=seed)
        self.stdout.write(
            f"Wrote {incidents} synthetic incidents and {sources} synthetic sources"
            f" in {time.monotonic() - started:.1f} s."
        )
