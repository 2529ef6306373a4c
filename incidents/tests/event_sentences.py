"""The incidents the extractor finds in one short sentence, for the tests of event rule families.

Sentences are dated from PUBLISHED (a Saturday); the gazetteer and actor tables are the real ones.
The fixture that switches event families off for one test (`without`) is in conftest.py.
"""
from datetime import date
from functools import lru_cache

from incidents.extraction.actors import ActorMatcher
from incidents.extraction.dates import find_dates
from incidents.extraction.events import find_incidents
from incidents.extraction.places import PlaceMatcher
from incidents.extraction.scoring import actor_entries, place_entries

PUBLISHED = date(2023, 12, 9)  # a Saturday


@lru_cache(maxsize=1)
def matchers():
    return PlaceMatcher(place_entries()), ActorMatcher(actor_entries())


def incidents(text, language):
    places, actors = matchers()
    return find_incidents(
        text, PUBLISHED, language, actors,
        places.find(text, language), actors.find(text, language), find_dates(text, PUBLISHED, language),
    )
