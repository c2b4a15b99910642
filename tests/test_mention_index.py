"""The per-brief mention scan: what counts as prose, counts, excerpts and suggestions."""

from support import load_tree

from briefbook.index.mention_index import excerpt, prose, scan_brief
from briefbook.index.mentions import MentionMatcher
from briefbook.model.diagnostics import Diagnostics, Location, Severity
from briefbook.model.dossier import Actor, ActorKind

LOC = Location("x.md")
MATCHER = MentionMatcher([
    Actor("nato", "NATO", ActorKind.ORGANISATION, LOC, aliases=("OTAN",)),
    Actor("ukraine", "Ukraine", ActorKind.STATE, LOC),
])


def test_prose_keeps_offsets_and_blanks_what_is_not_prose():
    text = (
        "# NATO title\n"
        "Setext NATO\n"
        "===========\n"
        "\n"
        "Text with `NATO` and ``a ` NATO`` code, [NATO](https://nato.int/NATO) link.\n"
        "```python\nNATO = 1\n```\n"
        "<span title=\"NATO\">x</span> https://example.org/NATO <!-- NATO -->\n"
        "[ref]: https://nato.int/NATO\n"
        "See [Ukraine][ref] and l'OTAN.\n"
    )
    blanked = prose(text)
    assert len(blanked) == len(text)
    assert blanked.count("\n") == text.count("\n")
    assert [text[m.start:m.end] for m in MATCHER.find(blanked)] == ["NATO", "Ukraine", "OTAN"]
    # the one NATO left is the link text, which readers see
    assert blanked.index("NATO") == text.index("[NATO]") + 1


def test_unclosed_backticks_and_fences_stay_linear_and_safe():
    assert prose("a ` NATO") == "a ` NATO"
    assert "NATO" not in prose("```\nNATO never closed")
    assert prose("``a` NATO") == "``a` NATO"  # no closing run of the same length
    assert prose("`a` NATO `b`") == "    NATO    "


def test_scan_counts_and_first_mention():
    stats = scan_brief(MATCHER, "Ukraine and NATO; OTAN again; `NATO` in code.")
    assert list(stats) == ["ukraine", "nato"]
    assert stats["nato"].count == 2
    assert stats["nato"].offset == 12
    assert str(stats["nato"].excerpt) == "Ukraine and NATO; OTAN again; in code."


def test_excerpt_is_plain_text_cut_at_words():
    text = "word " * 40 + "**NATO** said " + "more " * 40
    start = text.index("NATO")
    cut = excerpt(text, start, start + 4, context=30)
    assert cut.name == "NATO"
    assert cut.before.startswith("…") and cut.before.endswith("word ")
    assert cut.after.startswith(" said") and cut.after.endswith("…")
    assert "*" not in str(cut)


def test_unlisted_mention_is_a_note_at_the_first_mention(tmp_path):
    result = load_tree(tmp_path, {
        "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
        "briefs/actors/ukraine.md": "---\nname: Ukraine\nkind: state\n---\n",
        "briefs/a.md": "---\ntitle: A\ndate: '2025'\nactors: [nato]\n---\n"
                       "NATO first.\n\nThen Ukraine, and Ukraine.\n",
    })
    notes = [d.format() for d in result.diagnostics.notes]
    assert notes == [
        "briefs/a.md:8:6: note: the text names Ukraine 2 times but 'actors' does not list "
        "'ukraine'; add it if the brief is about this actor"
    ]
    assert result.diagnostics.warnings == [] and result.diagnostics.errors == []
    assert [b.id for b in result.index.briefs_mentioning["ukraine"]] == ["a"]
    assert result.index.briefs_about("ukraine")[0][1] is False
    assert result.index.briefs_about("nato")[0][1] is True


def test_position_counts_as_listed(tmp_path):
    result = load_tree(tmp_path, {
        "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
        "briefs/topics/force.md": "---\ntitle: Force\n---\n",
        "briefs/a.md": "---\ntitle: A\ndate: '2025'\npositions:\n"
                       "  - {actor: nato, topic: force, stance: supports, summary: s}\n"
                       "---\nNATO agrees.\n",
    })
    assert result.diagnostics.notes == []


def test_note_severity_never_counts_as_warning():
    diags = Diagnostics()
    diags.note(LOC, "a suggestion")
    diags.warning(LOC, "a warning")
    assert [d.severity for d in diags.notes] == [Severity.NOTE]
    assert len(diags.warnings) == 1 and diags.errors == []
    assert diags.summary() == "0 errors, 1 warning, 1 note"
    assert diags.notes[0].format() == "x.md:1:1: note: a suggestion"


def test_loader_rescans_only_edited_briefs_until_names_change(tmp_path, monkeypatch):
    from support import write_files

    from briefbook.index import mention_index
    from briefbook.pipeline import DossierLoader

    scans = []
    real_scan = mention_index.scan_brief
    monkeypatch.setattr(mention_index, "scan_brief",
                        lambda matcher, body: scans.append(body) or real_scan(matcher, body))
    write_files(tmp_path, {
        "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
        "briefs/a.md": "---\ntitle: A\ndate: '2025'\n---\nNATO and the Alliance.\n",
        "briefs/b.md": "---\ntitle: B\ndate: '2025'\n---\nNothing.\n",
    })
    loader = DossierLoader()
    loader.load(tmp_path / "briefs", tmp_path)
    assert len(scans) == 2
    (tmp_path / "briefs/b.md").write_text("---\ntitle: B\ndate: '2025'\n---\nNATO now.\n")
    second = loader.load(tmp_path / "briefs", tmp_path)
    assert scans[2:] == ["NATO now.\n"]
    assert [b.id for b in second.index.briefs_mentioning["nato"]] == ["b", "a"]
    (tmp_path / "briefs/actors/nato.md").write_text(
        "---\nname: NATO\nkind: organisation\naliases: [Alliance]\n---\n")
    third = loader.load(tmp_path / "briefs", tmp_path)
    assert len(scans) == 5
    assert third.index.mentions_by_brief["a"]["nato"].count == 2
