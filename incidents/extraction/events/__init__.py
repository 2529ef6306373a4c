"""Find incidents in article text: event words, their places, dates, actors and figures. Pure: no ORM.

An article is read sentence by sentence. In each sentence, event words ("drone attack", "غارة أميركية",
"shot down", استهداف) are grouped into mention heads; each gazetteer place the sentence names goes
to the nearest head before it (places that only locate another place, "in Anbar province", "غربي
العراق", drop out). A head with several places gives one mention per place (siblings: "strikes hit X,
Y and Z"). Each mention reads, within its part of the sentence, the weapon, the outcome, casualty
figures, the actors and their roles, and its date (`dates.event_date`: an earlier event placed
"following" a later one keeps its own date or none).

Mentions then merge into incidents, in text order: a mention joins an earlier incident when nothing
contradicts (compatible place, date, weapon and direction of the attack); a mention without a place
("the attack", "الهجوم") only adds to an incident already found, never creates one. Cumulative figures
("about 80 attacks since mid-October", "5 strikes in Iraq and Syria", "attacked 160 times") and
hypothetical or threatened attacks ("to strike Iran", "يستعدون لتنفيذ هجوم") are not incidents.

Kinds: attacks (rockets, missiles, drones, IEDs; ACLED Explosions/Remote violence, an attack of unknown
weapon coded as indirect fire), a state's strikes ("غارة أميركية", "US warplanes struck": Air/drone
strike, the nation's forces the perpetrator), launchers found (Strategic developments / Disrupted
weapons use) and clashes (Battles / Armed clash, the sides "associated"). Roles: the group that claims
(تبنت, "claimed", "said it had attacked") is the claimant, and the perpetrator only when someone else
says so ("was behind it", أطلقتها ميليشيات); whoever shoots the drone down is the interceptor; the
forces attacked, the people killed or wounded and the forces a base hosts are targets. Verification
is "claimed" when only a claim reports the incident, "contested" when someone denies it, else
"reported". Outcome is "intercepted" for what was shot down, "hit" for damage, casualties or a state's
air strike, and never taken from a claim.

Some parties come from context: "the security forces" (القوات الأمنية) who find a launcher are the
country's security forces where the actor list has one umbrella for them (not in the Kurdistan Region);
a strike that answers an attack ("ردت ... بقصف", "in response") targets that attack's perpetrators,
else its claimant; an armed group's attack on a military site with no stated target targets the forces
that every other attack of the article targets (a claim for "the al-Shaddadi base" in a story of
attacks on US forces).

The modules, by concern: `reader` (the article's actors and event words; the order of the work), `mentions`,
`roles` (parties and roles of one mention), `context` (parties from the article), `timing`, `merging`, `drafts`;
`words` holds the vocabulary and `model` the dataclasses.
"""
from .reader import find_incidents, incidents_in

__all__ = ["find_incidents", "incidents_in"]
