"""Candidate new actors: recurring capitalised names that the dossier does not know."""

from briefbook.authoring.ingest.candidates import Candidate, find_candidates
from briefbook.index.mentions import MentionMatcher
from briefbook.model.diagnostics import Location
from briefbook.model.dossier import Actor, ActorKind


def actor(ident, name, *aliases):
    return Actor(id=ident, name=name, kind=ActorKind.STATE, location=Location("x"),
                 aliases=aliases)


MATCHER = MentionMatcher([actor("nato", "NATO", "OTAN"),
                          actor("united-kingdom", "United Kingdom", "Royaume-Uni")])


def names(text, matcher=MATCHER):
    return [(c.name, c.count) for c in find_candidates(text, matcher)]


def test_recurring_unknown_names_with_counts():
    text = ("Le général Hugo Marchetti a parlé. Selon Hugo Marchetti, l'OTAN est prête. "
            "Le Kremlin proteste. Le Kremlin menace. L'OTAN répond au Kremlin.")
    assert names(text) == [("Kremlin", 3), ("Hugo Marchetti", 2)]


def test_known_actors_and_single_mentions_are_not_candidates():
    text = "Le Royaume-Uni et l'OTAN. Le Royaume-Uni encore, et l'OTAN. Une fois Northwood."
    assert names(text) == []


def test_sentence_initial_common_words_and_stop_words_are_not_candidates():
    text = ("However, the plan holds. However it may go, the plan holds. Mais rien. Mais tout. "
            "Ensuite vient le reste. Puis ensuite, encore. In May and in May again, Monday. "
            "Monday.")
    assert names(text) == []


def test_surname_alone_counts_with_the_full_name_and_particles_join_names():
    text = ("Keir Starmer spoke. Later Starmer said more. The Bank of England agreed; "
            "the Bank of England warned.")
    assert find_candidates(text, MATCHER) == [
        Candidate("Bank of England", 2), Candidate("Keir Starmer", 2)]


def test_acronyms_and_elided_names():
    text = "L'AUKUS avance. Selon AUKUS, rien. D'après l'Élysée, oui ; l'Élysée confirme."
    assert names(text, None) == [("AUKUS", 2), ("Élysée", 2)]


def test_a_possessive_counts_as_the_name_it_ends():
    """'the Suez Canal Authority's partners' names the Suez Canal Authority (a newcomer found
    it missed among the candidates)."""
    text = ("The Suez Canal Authority hopes traffic returns. Ships avoid the strait, and the "
            "Suez Canal Authority's partners wait.")
    assert [(c.name, c.count) for c in find_candidates(text, MentionMatcher([]))] == [
        ("Suez Canal Authority", 2)]
