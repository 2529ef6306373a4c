"""The vocabulary tables (incidents/extraction/vocabulary.py) against the models' choices, and each row's
examples against the row's own words. No database."""
import pytest

from incidents import taxonomy
from incidents.extraction import vocabulary
from incidents.extraction.events import model as event_model
from incidents.extraction.normalize import fold, is_arabic, readings, token_key, tokens
from incidents.extraction.vocabulary import (
    EVENT_KINDS,
    EVENT_TYPES,
    EVENT_WORDS,
    SPEECH_VERBS,
    WEAPON_WORDS,
    compile_folded,
)
from incidents.models import ActorRole, Outcome, StatementKind, Weapon

WEAPONS = set(Weapon.values)


def row_id(row):
    return f"{type(row).__name__}:{getattr(row, 'kind', None) or getattr(row, 'weapon', None) or getattr(row, 'sub_event_type', '')}"


def bilingual(row):
    assert row.example_ar.strip() and row.example_en.strip(), "each row gives an Arabic and an English example"
    assert any(is_arabic(word) for word, _, _ in tokens(row.example_ar))
    assert not any(is_arabic(word) for word, _, _ in tokens(row.example_en))


def found(patterns, example):
    return any(compile_folded(pattern).search(fold(example)) for pattern in patterns if pattern)


@pytest.mark.parametrize("row", EVENT_WORDS, ids=row_id)
def test_event_words_give_a_known_kind_and_weapon_and_find_their_examples(row):
    assert row.kind in EVENT_KINDS
    assert row.weapon == "" or row.weapon in WEAPONS
    assert row.ar or row.en
    bilingual(row)
    if row.ar:
        assert found(row.ar, row.example_ar), row.example_ar
    if row.en:
        assert found(row.en, row.example_en), row.example_en


@pytest.mark.parametrize("row", WEAPON_WORDS, ids=row_id)
def test_weapon_words_are_model_weapons_with_titles_and_find_their_examples(row):
    assert row.weapon in WEAPONS
    assert row.title_en and row.title_ar and is_arabic(row.title_ar.split()[0])
    bilingual(row)
    if row.ar:
        assert found([row.ar], row.example_ar), row.example_ar
    if row.en:
        assert found([row.en], row.example_en), row.example_en


def test_every_weapon_a_text_can_name_has_a_row_once():
    weapons = [row.weapon for row in WEAPON_WORDS]
    assert len(weapons) == len(set(weapons))
    assert set(weapons) == WEAPONS - {Weapon.OTHER, Weapon.UNKNOWN}


@pytest.mark.parametrize("row", vocabulary.OUTCOME_WORDS, ids=lambda row: row.reading)
def test_outcome_words_give_model_outcomes_and_find_their_examples(row):
    assert row.outcome in Outcome.values
    bilingual(row)
    assert found([row.ar], row.example_ar), row.example_ar
    assert found([row.en], row.example_en), row.example_en


def test_every_outcome_but_unknown_is_said_by_some_words():
    said = {row.outcome for row in vocabulary.OUTCOME_WORDS}
    said |= {"intercepted" for row in EVENT_WORDS if row.kind == "intercept"}
    assert said == set(Outcome.values) - {Outcome.UNKNOWN}


@pytest.mark.parametrize("row", EVENT_TYPES, ids=row_id)
def test_event_types_are_acled_pairs(row):
    assert taxonomy.is_valid_pair(row.event_type, row.sub_event_type)
    assert row.kind in (None, event_model.ATTACK, event_model.STRIKE, event_model.DISRUPTED, event_model.CLASH)
    assert row.weapons is None or set(row.weapons) <= WEAPONS
    bilingual(row)


@pytest.mark.parametrize("kind", [event_model.ATTACK, event_model.STRIKE, event_model.DISRUPTED, event_model.CLASH])
@pytest.mark.parametrize("weapon", sorted(WEAPONS) + [""])
def test_every_incident_gets_a_valid_acled_pair(kind, weapon):
    assert taxonomy.is_valid_pair(*vocabulary.event_type(kind, weapon))


@pytest.mark.parametrize("row", SPEECH_VERBS, ids=row_id)
def test_speech_verbs_say_a_statement_kind_or_a_reading_and_find_their_examples(row):
    assert row.kind in StatementKind.values or row.kind in (vocabulary.SAYS, vocabulary.CLAIMISH, vocabulary.DESCRIBE)
    assert row.ar or row.en
    bilingual(row)
    for words, example in ((row.ar, row.example_ar), (row.en, row.example_en)):
        if words:
            keys = {token_key(word) for word in words.split()}
            example_keys = {reading.key for word, _, _ in tokens(example) for reading in readings(word)}
            assert keys & example_keys, example


def test_speech_verbs_name_every_statement_kind_but_a_plain_report():
    said = {row.kind for row in SPEECH_VERBS}
    assert set(StatementKind.values) - said == {StatementKind.REPORT}


def test_a_verb_has_one_kind():
    for language in ("ar", "en"):
        keys = [token_key(word) for row in SPEECH_VERBS for word in getattr(row, language).split()]
        assert len(keys) == len(set(keys)), language


def test_the_roles_and_kinds_extraction_writes_are_model_choices():
    from incidents.extraction import statements

    roles = {event_model.PERPETRATOR, event_model.TARGET, event_model.CLAIMANT, event_model.INTERCEPTOR, event_model.ASSOCIATED}
    assert roles == set(ActorRole.values)
    kinds = {statements.REPORT, statements.CLAIM, statements.CONDEMNATION, statements.DENIAL, statements.DEMAND,
             statements.POSITION, statements.CASUALTY_FIGURES}
    assert kinds == set(StatementKind.values)


# --- Actor traits -------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", vocabulary.ACTOR_TRAITS, ids=lambda row: f"{row.trait}:{row.kind}:{row.has}")
def test_actor_traits_name_model_kinds_and_known_actors_and_fit_their_examples(row):
    from incidents.extraction.scoring import actor_entries, reference_matchers
    from incidents.models import ActorKind

    assert row.trait in (vocabulary.ARMED_GROUP, vocabulary.UNKNOWN_MILITARY, vocabulary.TARGET_SIDE,
                         vocabulary.DIPLOMATIC_MISSION)
    assert row.kind is None or row.kind in ActorKind.values
    assert set(row.keys) <= {entry.key for entry in actor_entries()}
    bilingual(row)
    _, actors = reference_matchers()
    for language, example in (("ar", row.example_ar), ("en", row.example_en)):
        entries = [mention.entry for mention in actors.find(example, language) if mention.entry is not None]
        # the example names an actor the row fits, and the trait comes out as the row says
        assert any(row.fits(entry) and vocabulary.has_trait(entry, row.trait) == row.has for entry in entries), (
            example, [entry.key for entry in entries])
