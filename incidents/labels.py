"""Translated labels for the public pages' JavaScript: vocabulary, never data."""
from django.utils.translation import gettext as _

from . import models


def choices_labels(choices):
    """Return {value: translated label} for a flat or grouped Django choices list."""
    labels = {}
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            labels.update(choices_labels(label))
        else:
            labels[str(value)] = str(label)
    return labels


def public_labels():
    """Return the labels the map and incident pages show, in the active language."""
    return {
        "event_type": choices_labels(models.EVENT_TYPE_CHOICES),
        "sub_event_type": choices_labels(models.SUB_EVENT_TYPE_CHOICES),
        "weapon": choices_labels(models.Weapon.choices),
        "outcome": choices_labels(models.Outcome.choices),
        "verification": choices_labels(models.Verification.choices),
        "role": choices_labels(models.ActorRole.choices),
        "date_precision": choices_labels(models.DatePrecision.choices),
        # The readers' words, not the editors' ACLED codes ("1 exact place"): what the place stands for.
        "geo_precision": {
            models.GeoPrecision.EXACT: _("the exact place"),
            models.GeoPrecision.NEAR: _("near a place, or part of a region"),
            models.GeoPrecision.REGION: _("the region or country only"),
        },
        "ui": {
            "loading": _("Loading incidents…"),
            "load_failed": _("The incidents could not be loaded. Reload the page to try again."),
            "no_incidents": _("No published incidents yet."),
            # Translators: %(count)s is a number; the wording avoids plural forms, which JavaScript formats.
            "incident_count": _("Published incidents: %(count)s"),
            "killed": _("Killed"),
            "injured": _("Injured"),
            "unknown": _("unknown"),
            "details": _("Details"),
            "show_on_map": _("Show on map"),
            "type": _("Type"),
            "weapon": _("Weapon"),
            "outcome": _("Outcome"),
            "verification": _("Verification"),
            "location": _("Location"),
            "date": _("Date"),
            "count": _("Number of events"),
            "actors": _("Actors"),
            "sources": _("Sources"),
            "no_actors": _("No actors recorded."),
            "no_sources": _("No sources recorded."),
            "incident_load_failed": _("This incident could not be loaded. Reload the page to try again."),
            "site_name": _("Marsad"),
        },
    }


def incident_page_labels():
    """Return the labels of the incident page: the public pages' labels and what only that page says."""
    labels = public_labels()
    labels["statement_kind"] = choices_labels(models.StatementKind.choices)
    labels["ui"].update(
        {
            "date_precision": _("Date known to"),
            "place_precision": _("Place known to"),
            # Translators: %(place)s is a governorate or a country; said when the exact place is not known.
            "somewhere_in": _("somewhere in %(place)s"),
            "recorded_at": _("Recorded at"),
            "no_statements": _("No statements recorded."),
            "statements_load_failed": _("The statements could not be loaded. Reload the page to try again."),
            "evidence": _("Evidence"),
            "speaker_unknown": _("An unnamed speaker"),
            "translation": _("Translation"),
            "in_source": _("Source:"),
        }
    )
    return labels


def map_page_labels():
    """Return the labels of the map page: the public pages' labels, the page's own and the timeline's.

    static/incidents/timeline.js lists the timeline's keys it reads.
    """
    labels = public_labels()
    labels["ui"].update(
        {
            # Translators: %(count)s is a number of incidents matching the filters.
            "matching": _("Matching incidents: %(count)s"),
            "all": _("All"),
            "place_precision": _("Place precision"),
            # Translators: shown over the map when the incidents in view are too many to draw one by one.
            "too_many": _("%(count)s incidents in view, too many to draw one by one: zoom in to see each one."),
            "too_many_here": _(
                "%(count)s incidents in view, too many to draw one by one: narrow the dates (on the timeline) or the filters."
            ),
            "cells_hint": _("Circles count incidents; zoom in to see each one."),
            "legend": _("Event types"),
            "approximate": _("Place known only to a governorate or country"),
            # Translators: several incidents recorded at one point (a base attacked again and again).
            "stack_count": _("Incidents at this place: %(count)s"),
            "stack_more": _("And %(count)s more: narrow the dates to list them."),
            "stack_back": _("All incidents at this place (%(count)s)"),
            "newest_first": _("Newest first"),
            "list_empty": _("No incident matches these filters."),
        }
    )
    labels["timeline"] = {
        "timeline": _("Timeline of incidents"),
        "keyboard_help": _(
            "Arrow keys move the selection; Shift with the arrow keys resizes it; Home and End go to the start "
            "and the end; Escape clears it."
        ),
        "play": _("Play"),
        "pause": _("Pause"),
        "clear_selection": _("Clear selection"),
        "all_dates": _("All dates"),
        "incidents": _("Incidents"),
        "killed": _("Killed"),
        "no_incidents": _("No incidents"),
    }
    return labels
