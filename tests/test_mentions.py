from briefbook.index.mentions import MentionMatcher
from briefbook.model.diagnostics import Location
from briefbook.model.dossier import Actor, ActorKind

LOC = Location("x.md")


def actor(ident, name, *aliases):
    return Actor(ident, name, ActorKind.GROUP, LOC, aliases=aliases)


MATCHER = MentionMatcher([
    actor("nato", "NATO", "OTAN", "North Atlantic Treaty Organization"),
    actor("united-kingdom", "United Kingdom", "Royaume-Uni", "UK"),
    actor("united-states", "United States", "US", "États-Unis"),
    actor("united-nations", "United Nations", "UN", "Nations unies"),
    actor("ukraine", "Ukraine"),
    actor("mark-rutte", "Mark Rutte", "Rutte"),
])


def found(text):
    return [(text[m.start:m.end], m.actor) for m in MATCHER.find(text)]


def test_french_elisions_and_aliases():
    assert found("Le rôle de l'OTAN et d'Ukraine, selon le Royaume-Uni.") == [
        ("OTAN", "nato"), ("Ukraine", "ukraine"), ("Royaume-Uni", "united-kingdom"),
    ]
    assert found("l’OTAN") == [("OTAN", "nato")]


def test_longest_match_wins():
    assert found("Mark Rutte said; Rutte added") == [
        ("Mark Rutte", "mark-rutte"), ("Rutte", "mark-rutte"),
    ]
    assert found("the North Atlantic Treaty Organization") == [
        ("North Atlantic Treaty Organization", "nato"),
    ]


def test_word_boundaries_in_unicode_text():
    assert found("Ukrainerin UKraine NATOs") == [("UKraine", "ukraine")]
    assert found("les États-Unis") == [("États-Unis", "united-states")]


def test_acronyms_match_only_in_capitals_or_title_case():
    assert found("let us see; un accord; the US and the UN") == [
        ("US", "united-states"), ("UN", "united-nations"),
    ]
    assert found("Nato and nato") == [("Nato", "nato")]


def test_shared_alias_is_never_linked():
    matcher = MentionMatcher([actor("a", "Alpha", "Union"), actor("b", "Beta", "union")])
    assert matcher.ambiguous == ["union"]
    assert [m.actor for m in matcher.find("Union, Alpha, Beta")] == ["a", "b"]


def test_counts():
    assert MATCHER.count("NATO, OTAN and the UK") == {"nato": 2, "united-kingdom": 1}


def test_a_greek_name_ending_in_sigma_matches_in_capitals_after_an_apostrophe():
    """Lower-casing looks at neighbours for a final sigma (Σ → ς at a word's end); the marks the
    matcher puts at word starts must not change what it gives."""
    matcher = MentionMatcher([actor("cyprus", "Κύπρος")])
    text = "l'ΚΎΠΡΟΣ, ΚΎΠΡΟΣ και Κύπρος"
    found = [(m.start, m.end) for m in matcher.find(text)]
    assert found == [(2, 8), (10, 16), (21, 27)]
