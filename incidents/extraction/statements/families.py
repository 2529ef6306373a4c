"""Rule families of statement finding that can be switched off one by one, to measure what each adds and costs.

    MARSAD_STATEMENT_FAMILIES_OFF=zero_casualties,self_claim .venv/bin/python bench/score_extraction.py --corpus real-dev

A family is a set of rules added for one phenomenon of news language; the code asks `on(name)` before
applying it. Switching a family off gives the behaviour before it was added.
"""
import os

FAMILIES = {
    # "no casualties", "لم تقع إصابات", "عدم وقوع إصابات": a statement of zero casualties is casualty figures
    "zero_casualties",
    # an armed group telling of its own fighters' attack ("مجاهدو المقاومة استهدفوا", "its fighters struck"): a claim
    "self_claim",
    # why a strike was made ("كانت ردا على", "تهدف إلى", "the sites were chosen because"): a position
    "justification",
    # the source an outlet relays speaks ("Reuters reported, citing US officials", "نقلت رويترز عن مسؤولين")
    "relay",
    # an Arabic verb with no subject before a colon or a quotation continues the speaker before ("وأضاف: «…»",
    # "وتابع: …", 'وأضاف "…"'; the quotation since round 2)
    "colon_continuation",
    # "وجاء في بيان للحكومة أن …", "وورد في البيان": the statement speaks, for the actor it names
    "statement_says",
    # the toll as the main clause of what was said, the event its circumstance ("several troops were injured in
    # an attack", "the strikes killed four", "أصيب خمسة جنود في هجوم", "أدى الهجوم إلى مقتل"): casualty figures
    "toll_predicate",
    # condemnation in what was said: "تدين الرئاسة القصف", "نستنكر", "ارتكبت عدوانا", "a criminal act"
    "condemnation_words",
    # a person the text names, no known actor, before an appositive speaks ("Omar Hassan, a local activist, said")
    "appositive_name",
    # a fact told with a verb of something done or undergone ("الملاحة توقفت", "انسحب التحالف", "withdrew"): a report
    "fact_verbs",
    # speech verbs of vocabulary.SPEECH_VERBS rows with this family: شدد، اعتبر، رأى، declared, emphasized, disclosed
    "more_speech_verbs",
    # a speaker the text names by a pronoun or a definite noun ("He said", "the statement added", "وقال المصدر") is
    # written as the text writes it; the resolution gives only the actor (round 2)
    "surface_speaker",
    # a quotation that goes on after its attribution ('"A," it added. "B."', a paragraph wholly quoted after a
    # statement, 'said: "A. B."'): the speaker before says it, its kind from what it says (round 2)
    "quote_continuation",
    # an English subject set off from its verb: by a frame ("Austin in a statement said", "the CTD, in a post on X,
    # said"), by dashes ("X — which has claimed … — said"), or a name after titles ("…, Lieutenant General Douglas
    # Sims, said") (round 2)
    "set_off_subjects",
    # speech acts missing from the table: اعترف، أقر، admitted; a diplomatic protest (احتجت, summoned, protested: a
    # condemnation); "took credit / has taken responsibility for" (a claim); "issued / published a statement" (round 2)
    "speech_acts_more",
    # an Arabic subject after its verb with "في" inside it, up to what was said ("قال البرغادير جنرال في القوات
    # الجوية بات رايدر إن", "وأفاد مراسل عنب بلدي في الحسكة أن"), or ending at a time set off by commas ("وقال
    # مسؤولان أمريكيان، الخميس، …، إن") (round 2)
    "ar_long_subjects",
    # role nouns that speak: activists, a bare plural (", officials said"), and "according to the director of X,
    # Name," (round 2)
    "role_speakers",
    # an admission whose object is a death or a wound ("اعترفت الحركة في بيان لها بمقتل قائدها", "acknowledged the
    # death of five of its members"): casualty figures, even for one victim and even when a later verb of the
    # sentence vows or warns (round 3)
    "admitted_toll",
    # a news outlet after the preposition لـ is the one told, not the speaker: "قال مسؤولان أمريكيان لرويترز إن"
    # speaks for the officials (round 3b)
    "addressee_outlet",
    # the toll told without a figure up front: a harm undergone ("تعرض جندي لإصابة", "resulted in minor injuries"),
    # the toll itself ("حصيلة القتلى", "the death toll"), a passive verb before its count ("قتل ثمانية مقاتلين"), a
    # long subject before "were killed": casualty figures (round 3b)
    "toll_cues",
    # speech verbs of vocabulary.SPEECH_VERBS rows with this family: أحصى، تابع، أكمل، argued, indicated, shared,
    # wrote; dismissed / refuted (a denial) (round 3b)
    "speech_verbs_more",
    # an Arabic subject ends at a verbal noun that opens what was said with no أن: "أكدت مصادر وقوع 3 انفجارات",
    # "أفادت وسائل إعلام بتعرض القاعدة لهجوم" (round 3b)
    "verbal_noun_said",
    # denying that anyone directs the attacks is a denial: "do not take orders from Iran", "ليس لها علاقة ولا دور",
    # "لا يتلقون أوامر", "لا يعلمون كيفية عملنا" (round 3b)
    "denial_direction",
    # an Arabic speech verb after "ما" of a preposition ("as X said") attributes what came before it: "حسبما أعلن
    # البنتاغون", "على ما أفاد المرصد", "وفق ما ذكرت الوزارة" (round 4)
    "as_said",
}
OFF = frozenset(name.strip() for name in os.environ.get("MARSAD_STATEMENT_FAMILIES_OFF", "").split(",") if name.strip())


def on(name):
    """Return True if the rule family `name` is switched on."""
    assert name in FAMILIES, name
    return name not in OFF
