"""pytest plugin named in pytest.ini: the tests run with the development settings, as `make test` does.

DJANGO_DEBUG defaults to off. pytest-django imports the settings before it reads any conftest.py, so the
variable is set here, in a plugin pytest loads first (pytest-django then runs the tests themselves with
DEBUG off, as in production).
"""
import os

os.environ.setdefault("DJANGO_DEBUG", "true")
