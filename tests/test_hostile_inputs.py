"""Hostile and careless input, second round: what a dossier must never do, each with its message.

Files from outside the dossier, control characters, diagnostics that forge lines, silent YAML
coercions, Unicode look-alikes, Windows-reserved ids, tags that are not slugs, bounded work, and
raw HTML that would swallow a page. (Dates at the edges: ``test_dates_edges.py``; the browser:
``test_browser_hostile.py``; serve: ``test_serve_recovers.py``.)
"""

from __future__ import annotations

import os
import xml.dom.minidom
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from support import build_project, make_project, write_files

from briefbook.pipeline import load_dossier

BRIEF = "---\ntitle: {title}\ndate: '2025-04-10'\n---\n{body}\n"


def _diags(project: Path) -> list[str]:
    result = load_dossier(project / "briefs", project)
    return [d.format() for d in result.diagnostics.sorted()]


# -- files from outside the dossier ---------------------------------------------------------

@pytest.fixture
def linked_project(tmp_path):
    outside = tmp_path / "outside"
    write_files(outside, {
        "secret.md": BRIEF.format(title="Secret", body="OUTSIDE-SECRET"),
        "dir/other.md": BRIEF.format(title="Other", body="OUTSIDE-FOLDER"),
    })
    project = make_project(tmp_path / "p", {"briefs/ok.md": BRIEF.format(title="OK", body="In")})
    briefs = project / "briefs"
    os.symlink(outside / "secret.md", briefs / "leak.md")
    os.symlink("../../outside/dir", briefs / "linked")
    os.symlink("ok.md", briefs / "same.md")  # inside the dossier: read
    os.mkdir(briefs / "folder.md")
    os.mkfifo(briefs / "pipe.md")
    os.symlink("/nonexistent/x.md", briefs / "gone.md")
    return project, outside


def test_links_out_of_the_dossier_are_errors_and_other_unread_names_warnings(linked_project):
    project, outside = linked_project
    assert _diags(project) == [
        "briefs/folder.md:1:1: warning: 'folder.md' is a folder, not a file; its name ends in "
        "'.md' but only the files in it are read. Rename the folder",
        "briefs/gone.md:1:1: warning: 'gone.md' is a link to a missing file (/nonexistent/x.md); "
        "it is not read. Restore the file it points to, or delete the link",
        f"briefs/leak.md:1:1: error: 'leak.md' is a link to a file outside the dossier folder "
        f"({outside / 'secret.md'}); it is not read, since nothing outside the dossier is "
        "published. Copy the file into the dossier, or delete the link",
        "briefs/linked:1:1: error: 'linked' is a link to a folder outside the dossier folder "
        "(../../outside/dir); it is not read, since nothing outside the dossier is published. "
        "Copy the folder into the dossier, or delete the link",
        "briefs/pipe.md:1:1: warning: 'pipe.md' is not a regular file (a FIFO, a socket or a "
        "device); it is not read. Replace it with a Markdown file",
    ]


def test_nothing_outside_the_dossier_reaches_the_site(linked_project, caplog):
    project, _ = linked_project
    with pytest.raises(Abort):
        build_project(project)
    assert "'leak.md' is a link to a file outside the dossier folder" in caplog.text
    os.remove(project / "briefs/leak.md")
    os.remove(project / "briefs/linked")
    site = build_project(project)
    text = "".join(p.read_text(errors="replace") for p in site.site.rglob("*") if p.is_file()
                   and p.suffix in {".html", ".json", ".xml", ".csv", ".ics"})
    assert "OUTSIDE-SECRET" not in text and "OUTSIDE-FOLDER" not in text
    assert site.exists("briefs/ok/") and site.exists("briefs/same/")


# -- control characters ------------------------------------------------------------------------

def test_control_characters_are_refused_in_fields_and_removed_from_bodies(tmp_path):
    project = make_project(tmp_path, {})
    (project / "briefs").mkdir()
    (project / "briefs/c.md").write_bytes(
        b'---\ntitle: "Bad\\x01title"\ndate: "2025"\nsummary: "\\e[31mred"\n'
        b'tags: ["a\\0b"]\n---\nNUL\x00 and ESC\x1b[2J in the body\n'
    )
    assert _diags(project) == [
        "briefs/c.md:2:8: error: 'title' contains the invisible control character U+0001 "
        "(written as a YAML escape such as \\x01?); delete it",
        "briefs/c.md:4:10: error: 'summary' contains the invisible control character U+001B "
        "(written as a YAML escape such as \\x01?); delete it",
        "briefs/c.md:5:8: error: 'tags[0]' contains the invisible control character U+0000 "
        "(written as a YAML escape such as \\x01?); delete it",
        "briefs/c.md:7:4: warning: the text contains the invisible control character U+0000, "
        "which is removed; delete it (retype the text around it if you cannot see it)",
        "briefs/c.md:7:13: warning: the text contains the invisible control character U+001B, "
        "which is removed; delete it (retype the text around it if you cannot see it)",
    ]
    brief = load_dossier(project / "briefs", project).dossier.briefs["c"]
    assert brief.title == "Badtitle" and "\x00" not in brief.body and "\x1b" not in brief.body


def test_xml_exports_stay_well_formed_with_control_characters_in_the_body(tmp_path):
    project = make_project(tmp_path, {})
    (project / "briefs").mkdir()
    (project / "briefs/c.md").write_bytes(b"---\ntitle: T\ndate: '2025-04-10'\n---\n"
                                          b"A\x00B\x0bC\x7f\n")
    site = build_project(project)
    xml.dom.minidom.parseString((site.site / "changes.xml").read_bytes())
    assert "\x00" not in site.html("briefs/c/")


def test_noncharacters_are_refused_like_control_characters(tmp_path):
    """U+FFFE and U+FFFF (YAML escapes in a field, or raw in a body) made changes.xml
    ill-formed XML (an attacker review): they are refused in fields and removed from bodies."""
    project = make_project(tmp_path, {})
    (project / "briefs").mkdir()
    (project / "briefs/n.md").write_bytes(
        b'---\ntitle: "Odd \\uFFFE title"\ndate: "2025-04-10"\n---\n'
        + "Body \uffff and \U0010fffe.\n".encode())
    diags = _diags(project)
    assert diags[0] == ("briefs/n.md:2:8: error: 'title' contains the invisible control "
                        "character U+FFFE (written as a YAML escape such as \\x01?); delete it")
    assert [d.split(": warning: ")[1][:57] for d in diags[1:]] == [
        "the text contains the invisible control character U+FFFF,",
        "the text contains the invisible control character U+10FFF",
    ]
    (project / "briefs/n.md").write_bytes(b'---\ntitle: "Odd title"\ndate: "2025-04-10"\n---\n'
                                          + "Body \uffff.\n".encode())
    site = build_project(project)
    xml.dom.minidom.parseString((site.site / "changes.xml").read_bytes())
    assert "\uffff" not in site.html("briefs/n/")


# -- bounded work ------------------------------------------------------------------------------

def test_nested_aliases_over_a_long_word_keep_the_scan_linear():
    """Aliases x, xx, … x×900 over a body of 899-letter words: the automaton reports one
    candidate per character at most (it reported up to 900 before), and the result is right."""
    from briefbook.index.mentions import MentionMatcher
    from briefbook.model.diagnostics import Location
    from briefbook.model.dossier import Actor, ActorKind

    actor = Actor(id="x", name="Ex", kind=ActorKind.PERSON, location=Location("a.md"),
                  aliases=tuple("x" * n for n in range(1, 901)))
    matcher = MentionMatcher([actor])
    text = ("x" * 899 + " ") * 200 + "x " + "x" * 901
    found = matcher.find(text)
    assert len(found) == 201
    assert all(text[m.start:m.end].strip() == text[m.start:m.end] for m in found)
    assert matcher.last_work <= len(text)


def test_did_you_mean_is_bounded_and_still_finds_the_closest_id():
    from briefbook.model.diagnostics import SHORTLIST, did_you_mean

    ids = [f"actor-{i}-{'abcdefghij'[i % 10] * 3}" for i in range(1000)] + ["nato"]
    assert did_you_mean("natoo", ids) == " (did you mean 'nato'?)"
    assert did_you_mean("zzzzzzzz", ids) == ""
    assert SHORTLIST <= 20


def test_one_letter_alias_with_mentions_all_is_a_warning(tmp_path):
    project = make_project(tmp_path, {
        "briefs/actors/x.md": "---\nname: Ex\nkind: person\naliases: [X]\n---\n",
        "briefs/a.md": BRIEF.format(title="A", body="X and X and X."),
    }, plugins="  - briefbook\n  - briefbook/actors:\n      mentions: all")
    site = build_project(project)
    assert ("briefs/actors/x.md:1:1: warning: actor 'x' has the one-letter name or alias 'X', "
            "which 'mentions: all' would link wherever it stands alone; remove the alias, or "
            "set mentions: first") in site.warnings
    project2 = make_project(tmp_path / "first", {
        "briefs/actors/x.md": "---\nname: Ex\nkind: person\naliases: [X]\n---\n",
        "briefs/a.md": BRIEF.format(title="A", body="X and X."),
    }, plugins="  - briefbook\n  - briefbook/actors")
    assert not [w for w in build_project(project2).warnings if "one-letter" in w]


# -- Unicode -----------------------------------------------------------------------------------

def test_names_in_nfc_and_nfd_are_one_name(tmp_path):
    project = make_project(tmp_path, {
        "briefs/actors/sg.md": "---\nname: Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\n"
                               "kind: organisation\n---\n",
        "briefs/actors/sg2.md": "---\nname: Socie\u0301te\u0301 Ge\u0301ne\u0301rale\n"
                                "kind: organisation\n---\n",
    })
    diags = _diags(project)
    assert diags == [
        f"briefs/actors/{name}.md:2:7: warning: the name or alias 'soci\u00e9t\u00e9 "
        f"g\u00e9n\u00e9rale' belongs to several actors (sg, sg2); it will not be linked in "
        "brief texts until it belongs to one" for name in ("sg", "sg2")
    ]


def test_invisible_bidi_and_look_alike_names_are_reported_escaped(tmp_path):
    project = make_project(tmp_path, {
        "briefs/actors/nato.md": "---\nname: \"NATO\\u200b\"\nkind: organisation\n"
                                 "aliases: [\"OT\\u202eAN\", \"n\u0430to\"]\n---\n",
    })
    assert _diags(project) == [
        "briefs/actors/nato.md:2:7: warning: the name 'NATO\\u200b' holds the invisible "
        "character U+200B; delete it (retype the name if you cannot see it)",
        "briefs/actors/nato.md:4:11: warning: the alias 'OT\\u202eAN' holds the invisible "
        "character U+202E; delete it (retype the name if you cannot see it)",
        "briefs/actors/nato.md:4:25: warning: the alias 'n\u0430to' mixes Cyrillic and Latin "
        "letters in 'n\u0430to', which look alike; retype it in one script",
    ]


@pytest.mark.parametrize("name", ["con", "nul", "aux", "prn", "com1", "lpt9"])
def test_windows_reserved_names_are_refused_as_ids(tmp_path, name):
    project = make_project(tmp_path, {f"briefs/{name}.md": BRIEF.format(title="T", body="")})
    assert _diags(project) == [
        f"briefs/{name}.md:1:1: error: '{name}' cannot be an id: Windows reserves the name "
        f"{name.upper()} for a device, so the dossier could not be checked out there; rename "
        f"it, e.g. '{name}-1'"
    ]


# -- silent coercions --------------------------------------------------------------------------

def test_plain_values_yaml_would_turn_into_numbers_keep_their_text(tmp_path):
    project = make_project(tmp_path, {"briefs/a.md": (
        "---\ntitle: 1:20\ndate: 2025\nsummary: 0x1F\ntags: [012, 1-000]\n"
        "events:\n  - date: '2025-01-01'\n    title: 10:30:00\n    place: 1_000\n"
        "source:\n  publisher: .inf\n  title: 1.10\n---\n"
    )})
    result = load_dossier(project / "briefs", project)
    assert [d.format() for d in result.diagnostics] == []
    brief = result.dossier.briefs["a"]
    assert (brief.title, brief.summary, brief.tags) == ("1:20", "0x1F", ("012", "1-000"))
    assert (brief.events[0].title, brief.events[0].place) == ("10:30:00", "1_000")
    assert (brief.source.publisher, brief.source.title) == (".inf", "1.10")


def test_a_date_written_in_hex_is_not_read_as_a_year(tmp_path):
    project = make_project(tmp_path, {"briefs/a.md": "---\ntitle: T\ndate: 0x7E9\n---\n"})
    assert _diags(project) == [
        "briefs/a.md:3:7: error: 'date': '0x7E9' is not a date; write YYYY, YYYY-MM or "
        "YYYY-MM-DD, with a leading ~ if approximate (e.g. ~2025-04)"
    ]


# -- injection into terminals and CI logs ------------------------------------------------------

def test_every_diagnostic_is_one_line_and_no_line_is_a_ci_command(tmp_path):
    forged = "x\\n::error file=a::forged\\nbriefs/b.md:1:1: error: forged\\e[31m"
    project = make_project(tmp_path, {
        "briefs/a.md": f'---\ntitle: T\ndate: "2025"\nactors: ["{forged}"]\n'
                       f'source:\n  url: "{forged}"\n---\n',
        "briefs/::warning::x.md": BRIEF.format(title="T", body=""),
    })
    result = load_dossier(project / "briefs", project)
    lines = [d.format() for d in result.diagnostics.sorted()]
    assert len(lines) >= 3
    for line in lines:
        assert "\n" not in line and "\x1b" not in line and "\r" not in line
        assert not line.startswith("::")
    assert any("'x\\n::error file=a::forged\\nbriefs/b.md:1:1: error: forged[31m'" in line
               for line in lines)


# -- privacy: remote resources -----------------------------------------------------------------

REMOTE_BODY = ("Text.\n\n![pixel](https://tracker.example/p.png)\n\n"
               '<img src="//cdn.example/x.png" alt="x">\n\n'
               '<table background="https://bg.example/t.png"><tr><td>cell</td></tr></table>\n\n'
               "[a link](//evil.example/page)\n")


def test_an_unsanitized_body_that_loads_remote_resources_is_warned(tmp_path):
    project = make_project(tmp_path, {"briefs/a.md": BRIEF.format(title="A", body=REMOTE_BODY)})
    assert _diags(project) == [
        "briefs/a.md:7:1: warning: the text loads '![pixel](https://tracker.example/p.png' "
        "from another host whenever the page is read, which tells that host who reads the "
        "dossier; save the file in the site instead, or set 'sanitize: true' to drop it",
        "briefs/a.md:9:1: warning: the text loads '<img src=\"//' from another host whenever "
        "the page is read, which tells that host who reads the dossier; save the file in the "
        "site instead, or set 'sanitize: true' to drop it",
        "briefs/a.md:11:1: warning: the text loads '<table background=\"https://' from another "
        "host whenever the page is read, which tells that host who reads the dossier; save the "
        "file in the site instead, or set 'sanitize: true' to drop it",
    ]


@pytest.mark.parametrize("where", ["brief", "site"])
def test_a_sanitized_body_calls_no_other_host(tmp_path, where):
    own = "sanitize: true\n" if where == "brief" else ""
    plugins = "  - briefbook:\n      sanitize: true" if where == "site" else "  - briefbook"
    project = make_project(tmp_path, {
        "briefs/a.md": f"---\ntitle: A\ndate: '2025-04-10'\n{own}---\n{REMOTE_BODY}",
    }, plugins=plugins)
    assert [d for d in _diags(project) if "another host" in d] == ([] if where == "brief" else
                                                                  _diags(project))
    site = build_project(project, strict=True)
    for page in ("briefs/a/", "print/"):
        html = site.html(page)
        body = html[html.index("Text."):html.index("a link") + 20]
        assert "tracker.example" not in body and "cdn.example" not in body, page
        assert "bg.example" not in body and "cell" in body, page
        assert "evil.example" not in body, page


def test_a_paragraph_crowded_with_markup_is_shown_as_code_and_warned(tmp_path):
    """50,000 '[' in one paragraph take Python-Markdown minutes (its inline parsing is
    quadratic): the paragraph is shown preformatted instead, with a warning at its line."""
    from briefbook.model.html_scan import MAX_INLINE_MARKS

    body = "Intro [a](https://example.org/).\n\n" + "[" * 50_000 + "\n"
    project = make_project(tmp_path, {"briefs/a.md": BRIEF.format(title="A", body=body)})
    assert _diags(project) == [
        "briefs/a.md:7:1: warning: this paragraph holds 50,000 characters of Markdown markup "
        "([, *, <, & ...), more than a page can render in reasonable time; it is shown as "
        "preformatted text. Split it, or put it in a code block",
    ]
    html = build_project(project).html("briefs/a/")
    assert "[" * 1000 in html and '<a href="https://example.org/">a</a>' in html
    assert MAX_INLINE_MARKS >= 500


@pytest.mark.parametrize("text", ["plain ascii", "tab\tand\nline", "bell\x07", "del\x7f",
                                  "accent é", "c1 \x85 next line", "nonchar \ufdd0",
                                  "\uffff end", "astral 😀 fine", "astral nonchar \U0001fffe",
                                  "\U0010ffff last", "é\x1b[31m"])
def test_the_quick_control_check_agrees_with_the_pattern(text):
    from briefbook.model.values import CONTROL_RE, has_control

    assert has_control(text) is (CONTROL_RE.search(text) is not None)
