"""ACLED's event taxonomy (ACLED Codebook 2023): event types and their sub-event types.

Pure data with no Django model imports, so the extraction package can use it too.
"""

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

SUB_EVENT_TYPES = {
    BATTLES: (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VIOLENCE_AGAINST_CIVILIANS: (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    PROTESTS: (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    RIOTS: (
        "Violent demonstration",
        "Mob violence",
    ),
    STRATEGIC_DEVELOPMENTS: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPES = tuple(SUB_EVENT_TYPES)
VALID_PAIRS = tuple((event, sub) for event, subs in SUB_EVENT_TYPES.items() for sub in subs)


def is_valid_pair(event_type, sub_event_type):
    """Return True when `sub_event_type` belongs to `event_type` in ACLED's taxonomy."""
    return sub_event_type in SUB_EVENT_TYPES.get(event_type, ())
