"""ACLED's event and sub-event types, marked for translation.

models.EVENT_TYPE_CHOICES translates them with _(variable), which makemessages cannot see; listing them
here keeps them in the message catalogue. A test checks that this list matches taxonomy.py.
"""
from django.utils.translation import gettext_noop

EVENT_TYPE_MESSAGES = (
    gettext_noop("Battles"),
    gettext_noop("Explosions/Remote violence"),
    gettext_noop("Violence against civilians"),
    gettext_noop("Protests"),
    gettext_noop("Riots"),
    gettext_noop("Strategic developments"),
)

SUB_EVENT_TYPE_MESSAGES = (
    gettext_noop("Armed clash"),
    gettext_noop("Government regains territory"),
    gettext_noop("Non-state actor overtakes territory"),
    gettext_noop("Chemical weapon"),
    gettext_noop("Air/drone strike"),
    gettext_noop("Suicide bomb"),
    gettext_noop("Shelling/artillery/missile attack"),
    gettext_noop("Remote explosive/landmine/IED"),
    gettext_noop("Grenade"),
    gettext_noop("Sexual violence"),
    gettext_noop("Attack"),
    gettext_noop("Abduction/forced disappearance"),
    gettext_noop("Peaceful protest"),
    gettext_noop("Protest with intervention"),
    gettext_noop("Excessive force against protesters"),
    gettext_noop("Violent demonstration"),
    gettext_noop("Mob violence"),
    gettext_noop("Agreement"),
    gettext_noop("Arrests"),
    gettext_noop("Change to group/activity"),
    gettext_noop("Disrupted weapons use"),
    gettext_noop("Headquarters or base established"),
    gettext_noop("Looting/property destruction"),
    gettext_noop("Non-violent transfer of territory"),
    gettext_noop("Other"),
)
