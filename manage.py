#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    # Web requests get a statement timeout (DJANGO_DB_STATEMENT_TIMEOUT, see the settings); the commands an
    # operator runs may take longer (migrations, loading the gazetteer) and get none unless it is set.
    if len(sys.argv) > 1 and sys.argv[1] != "runserver":
        os.environ.setdefault("DJANGO_DB_STATEMENT_TIMEOUT", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
