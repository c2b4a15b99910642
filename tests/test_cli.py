"""The ``briefbook`` command line, run in-process on real files (and once as the console script)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, build_project, copy_example, make_project, write_files

from briefbook import cli
from briefbook.load.files import discover, load_file

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
FRENCH_ARTICLE = FIXTURES / "otan-fr-scraped.txt"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the example project (mkdocs.yml, docs/, briefs/), as the current folder."""
    copy_example(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- check ---------------------------------------------------------------------------------
def example_files(project: Path) -> int:
    return len(list(discover(project / "briefs")))


def test_check_accepts_the_example_dossier(project, capsys):
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 0  # notes (suggestions) never fail, not even with --strict
    lines = out.splitlines()
    assert all(": note: " in line for line in lines[:-1])
    assert re.fullmatch(rf"0 errors, 0 warnings(, \d+ notes?)? in {example_files(project)} files",
                        lines[-1])
    for argument in ("briefs", ".", "mkdocs.yml", str(project)):
        assert run(capsys, "check", argument)[:2] == (0, out)
    assert ": note: " in out
    # --no-notes does not look for them at all: no note, none counted
    no_notes = run(capsys, "check", "--no-notes")[1]
    assert no_notes == f"0 errors, 0 warnings in {example_files(project)} files\n"


BROKEN = {
    "briefs/actors/nato.md": """
        ---
        name: NATO
        kind: organisation
        aliases: [OTAN]
        ---
    """,
    "briefs/topics/force.md": "---\ntitle: Reassurance force\n---\n",
    "briefs/2025/a.md": """
        ---
        title: A
        date: "2025-02-30"
        actors: [natoo]
        ---
        Text.
    """,
    "briefs/2025/b.md": """
        ---
        title: B
        date: "2025-04"
        topics: [force]
        titel: oops
        ---
    """,
}


def test_check_reports_a_broken_dossier_with_exact_lines(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, BROKEN)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "briefs")
    assert code == 1
    assert out.splitlines() == [
        "briefs/2025/a.md:3:7: error: 'date': '2025-02-30': day 30 does not exist in February "
        "2025 (it has 28 days)",
        "briefs/2025/a.md:4:10: error: unknown actor 'natoo' in 'actors' (did you mean 'nato'?); "
        "ids are file names under actors/",
        "briefs/2025/b.md:5:1: warning: unknown field 'titel' (did you mean 'title'?); it is "
        "ignored",
        "2 errors, 1 warning in 4 files",
    ]


def test_check_warnings_fail_only_when_strict(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {k: v for k, v in BROKEN.items() if k != "briefs/2025/a.md"})
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "briefs")[0] == 0
    code, out, _ = run(capsys, "check", "briefs", "--strict")
    assert code == 1
    assert out.splitlines()[-1] == "0 errors, 1 warning in 3 files"


def test_check_json_for_editors_and_ci(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, BROKEN)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--format", "json", "briefs")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert report["summary"] == {"errors": 2, "warnings": 1, "notes": 0, "files": 4,
                                 "text": "2 errors, 1 warning in 4 files"}
    first = report["diagnostics"][0]
    assert (first["path"], first["line"], first["col"], first["severity"]) == (
        "briefs/2025/a.md", 3, 7, "error")


def test_check_paths_are_relative_to_the_current_folder(tmp_path, monkeypatch, capsys):
    write_files(tmp_path / "work", BROKEN)
    monkeypatch.chdir(tmp_path / "work" / "briefs")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.startswith("2025/a.md:3:7: error:")
    monkeypatch.chdir(tmp_path / "work")
    other = tmp_path / "elsewhere"
    other.mkdir()
    monkeypatch.chdir(other)
    out = run(capsys, "check", str(tmp_path / "work"))[1]
    assert out.startswith(f"{(tmp_path / 'work' / 'briefs' / '2025' / 'a.md').as_posix()}:3:7:")


def test_check_reads_briefs_dir_from_mkdocs_yml(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {f"dossier/{k.removeprefix('briefs/')}": v for k, v in BROKEN.items()})
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\n"
        "theme:\n  name: material\n"
        "plugins:\n  - search\n  - briefbook:\n      briefs_dir: dossier\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  analytics: !ENV [ANALYTICS, none]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.splitlines()[0].startswith("dossier/2025/a.md:3:7: error:")


@pytest.mark.parametrize(("config", "diagnostic"), [
    ("site_name: T\nplugins:\n  - briefbook:\n      briefs_dir: dossier: old\n",
     "mkdocs.yml:4:26: error: YAML syntax error in mkdocs.yml: mapping values are not allowed "
     "here; a value containing ': ' must be quoted"),
    ("site_name: T\nnav: [a\n",
     "mkdocs.yml:3:1: error: YAML syntax error in mkdocs.yml: expected ',' or ']', but got "
     "'<stream end>'; the '[' opened on line 2 is not closed (or a value in it needs quotes)"),
    ("site_name: T\nplugins:\n  - briefbook:\n      briefs_dir: [dossier]\n",
     "mkdocs.yml:4:19: error: 'briefs_dir' must be text, the dossier folder's path, found a "
     "list; write it like briefs_dir: briefs"),
    ("site_name: T\nplugins:\n  briefbook:\n    briefs_dir: 2025\n",
     "mkdocs.yml:4:17: error: 'briefs_dir' must be text, the dossier folder's path, found a "
     "number; write it like briefs_dir: briefs"),
    ("site_name: T\nplugins:\n  - briefbook:\n      briefs_dir: '  '\n",
     "mkdocs.yml:4:19: error: 'briefs_dir' is empty; give the dossier folder's path, e.g. "
     "briefs_dir: briefs"),
    ("site_name: T\nplugins:\n  - search\n  - briefbook: dossier\n",
     "mkdocs.yml:4:16: error: the options of the 'briefbook' plugin must be a mapping "
     "('briefs_dir: briefs')"),
    ("INHERIT: base.yml\nsite_name: T\n",
     "mkdocs.yml:1:10: error: 'INHERIT' names 'base.yml', which is not a file; give the path "
     "of the configuration to extend, from mkdocs.yml's folder"),
    ("- site_name: T\n",
     "mkdocs.yml:1:1: error: mkdocs.yml must be a mapping of settings ('site_name: ...'), not "
     "a single value or a list"),
])
def test_check_reports_a_mkdocs_yml_that_cannot_name_the_dossier(tmp_path, monkeypatch, capsys,
                                                                config, diagnostic):
    """Never a silent fall back to briefs/: the check would pass on the wrong folder."""
    write_files(tmp_path, {**BROKEN, "dossier/2025/ok.md": "---\ntitle: A\ndate: '2025'\n---\n"})
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert (code, out, err) == (1, f"{diagnostic}\n1 error, 0 warnings in 0 files\n", "")
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 1
    [reported] = json.loads(out)["diagnostics"]
    assert f"{reported['path']}:{reported['line']}:{reported['col']}: error: " \
        f"{reported['message']}" == diagnostic
    code, out, err = run(capsys, "new", "topic", "Anything")
    assert (code, out, err) == (1, "", f"{diagnostic}\n")


def test_check_follows_inherit_to_the_briefs_dir(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {f"dossier/{k.removeprefix('briefs/')}": v for k, v in BROKEN.items()})
    (tmp_path / "base.yml").write_text("plugins:\n  - briefbook:\n      briefs_dir: dossier\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: T\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.startswith("dossier/2025/a.md:3:7: error:")


def test_check_bad_usage_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "no-such-folder")
    assert code == 2
    assert "'no-such-folder' is not a folder" in err
    assert run(capsys, "check", "--format", "xml")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys)[0] == 2


def test_version(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("briefbook ")


@pytest.mark.parametrize("argv", [
    [], ["check"], ["new"], ["new", "brief"], ["new", "actor"], ["new", "topic"], ["ingest"],
    ["schema"],
])
def test_every_command_has_help(argv, capsys):
    assert cli.main([*argv, "--help"]) == 0
    assert "usage: briefbook" in capsys.readouterr().out


# -- new -----------------------------------------------------------------------------------
def test_new_brief_actor_topic_pass_check(project, capsys):
    code, out, _ = run(capsys, "new", "actor", "Keir Starmer", "--kind", "person",
                       "--aliases", "Starmer", "--country", "gb", "--role", "Prime minister: UK")
    assert (code, out) == (0, "wrote briefs/actors/keir-starmer.md\n")
    code, out, _ = run(capsys, "new", "topic", "Air policing: who?", "--summary", "# not a heading")
    assert (code, out) == (0, "wrote briefs/topics/air-policing-who.md\n")
    code, out, _ = run(capsys, "new", "brief", "Starmer: « Nous sommes prêts »", "--date",
                       "2025-05-02", "--actors", "keir-starmer", "united-kingdom",
                       "--topics", "air-policing-who", "--tags", "Air Policing")
    assert (code, out) == (0, "wrote briefs/2025/starmer-nous-sommes-prets.md\n"
                              "tag 'Air Policing' written as 'air-policing' (tags are slugs, "
                              "like ids)\n")
    text = (project / "briefs/2025/starmer-nous-sommes-prets.md").read_text(encoding="utf-8")
    assert text.startswith(
        '---\ntitle: "Starmer: « Nous sommes prêts »"\ndate: "2025-05-02"\n'
        "actors: [keir-starmer, united-kingdom]\ntopics: [air-policing-who]\n"
        "tags: [air-policing]\n# Fill in"
    )
    assert "\n---\n## What happened\n" in text
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 0
    assert "keir-starmer" not in out and "air-policing" not in out and "starmer-nous" not in out
    assert out.splitlines()[-1].startswith("0 errors, 0 warnings")
    assert out.splitlines()[-1].endswith(f" in {example_files(project)} files")
    actor = load_file(project / "briefs/actors/keir-starmer.md", project / "briefs", project)
    assert actor.data == {"name": "Keir Starmer", "kind": "person", "aliases": ["Starmer"],
                          "role": "Prime minister: UK", "country": "GB"}


def _uncommented(text: str, replacements: dict[str, str]) -> str:
    """A brief written by ``new brief`` with its commented-out stubs filled in."""
    front, body = text.split("\n---\n", 1)
    lines = []
    for line in front.splitlines():
        if line.startswith("# ") and not line.startswith("# Fill in"):
            line = line[2:].split("  #", 1)[0].rstrip()
            for old, new in replacements.items():
                line = line.replace(old, new)
        lines.append(line)
    return "\n".join(lines) + "\n---\n" + body


def test_new_brief_stubs_show_every_part_and_check_once_filled_in(project, capsys):
    code, _, _ = run(capsys, "new", "brief", "Rutte in Kyiv", "--date", "2025-05-03",
                     "--actors", "mark-rutte", "nato", "--topics", "reassurance-force")
    assert code == 0
    path = project / "briefs/2025/rutte-in-kyiv.md"
    text = path.read_text(encoding="utf-8")
    for stub in ("# source:", "# positions:", "#   - actor: mark-rutte",
                 "#     topic: reassurance-force", "# events:", "# questions:",
                 "stance: supports        # supports, opposes, conditional, neutral or undecided"):
        assert stub in text, stub
    assert load_file(path, project / "briefs", project).data == {
        "title": "Rutte in Kyiv", "date": "2025-05-03", "actors": ["mark-rutte", "nato"],
        "topics": ["reassurance-force"]}
    path.write_text(_uncommented(text, {"YYYY-MM-DD": "2025-05-03",
                                        "a-question-id": "rutte-kyiv-follow-up"}),
                    encoding="utf-8")
    filled = load_file(path, project / "briefs", project).data
    assert filled["source"]["grade"] == "B2"
    assert filled["positions"][0]["actor"] == "mark-rutte"
    assert filled["events"][0]["date"] == "2025-05-03"
    assert filled["questions"][0]["status"] == "open"
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 0 and "rutte-in-kyiv.md" not in out, out


def test_new_actor_takes_affiliations(project, capsys):
    code, out, _ = run(capsys, "new", "actor", "Finland", "--kind", "state", "--country", "FI",
                       "--member-of", "nato", "european-union")
    assert code == 0, out
    actor = load_file(project / "briefs/actors/finland.md", project / "briefs", project)
    assert actor.data["affiliations"] == ["nato", "european-union"]
    assert run(capsys, "check", "--strict")[0] == 0
    code, _, err = run(capsys, "new", "actor", "Sweden", "--kind", "state", "--member-of", "natoo")
    assert code == 1 and "unknown actor 'natoo' (did you mean 'nato'?)" in err
    assert not (project / "briefs/actors/sweden.md").exists()


@pytest.mark.parametrize("argv", [
    ["check"], ["new", "actor", "X", "--kind", "state"], ["new", "brief", "X"],
    ["new", "topic", "X"], ["ingest", str(FRENCH_ARTICLE)],
])
def test_commands_outside_a_dossier_stop_and_say_how_to_start(tmp_path, monkeypatch, capsys,
                                                              argv):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert f"no dossier in {tmp_path.resolve()}: looked for {tmp_path.resolve()}/mkdocs.yml" in err
    assert "'briefbook init'" in err
    assert list(tmp_path.iterdir()) == []  # nothing was written
    (tmp_path / "mkdocs.yml").write_text("site_name: Notes\nplugins:\n  - search\n")
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "mkdocs.yml does not use the 'briefbook' plugin" in err and "'briefbook init'" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


def test_check_of_an_empty_dossier_is_not_a_silent_success(tmp_path, monkeypatch, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: D\nplugins:\n  - briefbook\n")
    (tmp_path / "briefs").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert (code, out) == (2, "")
    assert "the dossier folder briefs, named by mkdocs.yml, holds no brief, actor or topic " \
           "file" in err
    assert "briefbook new brief TITLE" in err
    # and 'new' is how it gets its first file: then it checks
    assert run(capsys, "new", "topic", "First topic")[0] == 0
    assert run(capsys, "check")[:2] == (0, "0 errors, 0 warnings in 1 file\n")


def test_new_brief_dates_default_to_today_and_stay_strings(project, capsys):
    import datetime as dt

    today = dt.date.today()
    assert run(capsys, "new", "brief", "Note du jour")[0] == 0
    path = project / "briefs" / f"{today.year:04d}" / "note-du-jour.md"
    assert f'date: "{today.isoformat()}"' in path.read_text(encoding="utf-8")
    assert run(capsys, "new", "brief", "Around April", "--date", "~2025-04")[0] == 0
    raw = load_file(project / "briefs/2025/around-april.md", project / "briefs", project)
    assert raw.data["date"] == "~2025-04"
    assert run(capsys, "check")[0] == 0


def test_new_refuses_to_overwrite(project, capsys):
    target = project / "briefs/2025/nato-role-in-reassurance-force.md"
    before = target.read_bytes()
    code, out, err = run(capsys, "new", "brief", "NATO role in reassurance force",
                         "--date", "2025-04")
    assert code == 1 and out == ""
    assert "a brief with the id 'nato-role-in-reassurance-force' already exists" in err
    assert "briefs/2025/nato-role-in-reassurance-force.md" in err
    assert target.read_bytes() == before
    # same id in another year's folder would be a duplicate id too
    code, _, err = run(capsys, "new", "brief", "Whatever", "--slug",
                       "nato-role-in-reassurance-force", "--date", "2024")
    assert code == 1 and "already exists" in err
    assert not (project / "briefs/2024").exists()
    code, _, err = run(capsys, "new", "actor", "NATO", "--kind", "organisation")
    assert code == 1 and "briefs/actors/nato.md already exists" in err
    code, _, err = run(capsys, "new", "topic", "Reassurance force")
    assert code == 1 and "briefs/topics/reassurance-force.md already exists" in err


def test_new_brief_checks_ids_with_did_you_mean(project, capsys):
    code, _, err = run(capsys, "new", "brief", "T", "--actors", "OTAN", "natoo",
                       "--topics", "reasurance-force")
    assert code == 1
    assert "unknown actor 'OTAN' (did you mean 'nato'?)" in err
    assert "unknown actor 'natoo' (did you mean 'nato'?)" in err
    assert list((project / "briefs").rglob("t.md")) == []
    code, _, err = run(capsys, "new", "brief", "T", "--topics", "reasurance-force")
    assert "unknown topic 'reasurance-force' (did you mean 'reassurance-force'?)" in err


def test_new_rejects_bad_values(project, capsys):
    code, _, err = run(capsys, "new", "brief", "T", "--date", "2025-02-30")
    assert code == 1 and "day 30 does not exist" in err
    code, _, err = run(capsys, "new", "brief", "T", "--slug", "Bad_Slug")
    assert code == 1 and "e.g. 'bad-slug'" in err
    code, _, err = run(capsys, "new", "topic", "Index")
    assert code == 1 and "'index' is reserved" in err
    code, _, err = run(capsys, "new", "actor", "Britannia", "--kind", "state",
                       "--aliases", "Britain")
    assert code == 1 and "'Britain' is already a name or alias of the actor 'united-kingdom'" in err
    assert run(capsys, "new", "actor", "X", "--kind", "country")[0] == 2


# -- ingest --------------------------------------------------------------------------------
def test_ingest_french_scraped_article(project, capsys):
    code, out, _ = run(capsys, "ingest", str(FRENCH_ARTICLE), "--date", "2025-05-14",
                       "--publisher", "Le Quotidien fictif", "--url",
                       "https://example.org/otan-force")
    assert code == 0
    written = ("briefs/2025/l-otan-prete-a-coordonner-la-force-de-reassurance-selon-londres-"
               "et-paris.md")
    assert out.splitlines()[0] == f"wrote {written}"
    assert "  language: fr (detected)" in out
    assert "  authors: Claire Dumoulin" in out
    candidates = out.split("candidate new actors", 1)[1]
    assert "2  Hugo Marchetti" in candidates
    assert "2  Kremlin" in candidates
    assert "Royaume" not in candidates and "Londres" not in candidates

    raw = load_file(project / written, project / "briefs", project)
    data = raw.data
    assert data["title"] == ("L'OTAN prête à coordonner la force de réassurance, selon Londres "
                             "et Paris")
    assert data["date"] == "2025-05-14"
    assert data["sanitize"] is True
    assert data["source"] == {"publisher": "Le Quotidien fictif",
                              "url": "https://example.org/otan-force", "language": "fr",
                              "authors": ["Claire Dumoulin"],
                              "retrieved": dt.date.today().isoformat()}
    assert "date_unknown" not in data  # the date was given
    # found through French aliases only: OTAN, Alliance atlantique, Royaume-Uni, Londres, ...
    assert data["actors"] == ["nato", "united-kingdom", "france", "ukraine", "russia",
                              "united-states"]
    body = raw.body
    assert body.startswith("Le Royaume-Uni et la France ont présenté mardi")
    for debris in ("Partager", "Lire aussi", "abonnés", "Il vous reste", "cookies",
                   "newsletter", "Abonnez-vous", "Temps de lecture", "Accueil >",
                   "Publié le", "Par Claire"):
        assert debris not in body, debris
    assert "commandement européen.\n" in body  # the stray "12" after the sentence is gone
    assert not body.rstrip().endswith(("14", "3"))
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 0
    assert written not in out  # every actor it names is listed: not even a note
    assert out.splitlines()[-1].startswith("0 errors, 0 warnings")


def test_ingest_never_overwrites(project, capsys):
    assert run(capsys, "ingest", str(FRENCH_ARTICLE), "--date", "2025-05-14")[0] == 0
    path = next((project / "briefs/2025").glob("l-otan-prete*.md"))
    before = path.read_bytes()
    code, out, err = run(capsys, "ingest", str(FRENCH_ARTICLE), "--date", "2025-05-14")
    assert code == 1 and out == ""
    assert "already exists" in err
    assert path.read_bytes() == before


def test_ingest_html_from_stdin(project, capsys, monkeypatch):
    import io

    html = (FIXTURES / "article-en.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))
    code, out, _ = run(capsys, "ingest", "-", "--language", "en", "--slug", "nato-air-policing",
                       "--date", "2025-06")
    assert code == 0, out
    assert "  language: en (given)" in out
    raw = load_file(project / "briefs/2025/nato-air-policing.md", project / "briefs", project)
    assert raw.data["title"] == "NATO weighs air policing for the reassurance force"
    assert raw.data["actors"] == ["nato", "mark-rutte", "ukraine"]
    body = raw.body
    for bad in ("<script", "alert(", "onclick", "javascript:", "<style", "color: red",
                "tracker.example", "Sign up", "Cookie", "Share", "Home"):
        assert bad not in body, bad
    assert "## What was decided" in body  # h2 kept as ##, the h1 became the title
    assert "[the alliance's statement](https://example.org/statement)" in body
    assert "- fighter jets" in body
    assert run(capsys, "check")[0] == 0


def test_ingest_keeps_escaped_article_text_as_text(tmp_path, monkeypatch, capsys):
    """``&lt;img onerror=…&gt;`` in an article's text is text: never a live tag, not even when
    the brief is later built without sanitizing."""
    nato = "---\nname: NATO\nkind: group\n---\n"
    project = make_project(tmp_path, {"briefs/actors/nato.md": nato})
    monkeypatch.chdir(project)
    article = project / "article.html"
    article.write_text(
        "<html><body><h1>Payloads &amp; filters_v2 [draft]</h1>"
        "<p>The page showed &lt;img src=x onerror=alert(1)&gt; as text.</p>"
        "<p>And the link syntax [click](javascript:alert(4)) too.</p>"
        "<p>So did &lt;script&gt;alert(2)&lt;/script&gt; and <code>&lt;b&gt;</code>.</p>"
        "</body></html>", encoding="utf-8")
    text = project / "article.txt"
    text.write_text("A plain text article here\n\nIt quotes <img src=y onerror=alert(3)> "
                    "verbatim.\n", encoding="utf-8")
    for source, slug in ((article, "from-html"), (text, "from-text")):
        code, out, _ = run(capsys, "ingest", str(source), "--date", "2025-05", "--slug", slug)
        assert code == 0, out
    brief = project / "briefs/2025/from-html.md"
    raw = load_file(brief, project / "briefs", project)
    assert raw.data["title"] == "Payloads & filters_v2 [draft]"
    assert "<img" not in raw.body and "<script" not in raw.body
    for path in (brief, project / "briefs/2025/from-text.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("sanitize: true",
                                                                 "sanitize: false"),
                        encoding="utf-8")
    site = build_project(project, strict=True)
    html = site.html("briefs/from-html/")
    assert not re.search(r"<img[^>]*onerror", html)
    assert "<script>alert(2)" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; as text." in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<code>&lt;b&gt;</code>" in html
    assert "javascript:" not in html.replace("[click](javascript:alert(4))", "")
    html = site.html("briefs/from-text/")
    assert not re.search(r"<img[^>]*onerror", html)
    assert "&lt;img src=y onerror=alert(3)&gt; verbatim." in html


def test_ingest_rejects_bad_options(project, capsys):
    code, _, err = run(capsys, "ingest", str(FRENCH_ARTICLE), "--url", "javascript:alert(1)")
    assert code == 1 and "--url must be an absolute http(s) address" in err
    code, _, err = run(capsys, "ingest", str(FRENCH_ARTICLE), "--url", "www.lemonde.fr/article")
    assert code == 1 and err.strip() == (
        "briefbook: --url must be an absolute http(s) address, found 'www.lemonde.fr/article'; "
        "write it in full: 'https://www.lemonde.fr/article'")
    code, _, err = run(capsys, "ingest", str(FRENCH_ARTICLE), "--language", "français")
    assert code == 1 and "use a language code" in err
    code, _, err = run(capsys, "ingest", "missing.txt")
    assert code == 2 and "cannot read 'missing.txt'" in err
    assert list((project / "briefs").rglob("l-otan-prete*.md")) == []


# -- schema --------------------------------------------------------------------------------
def test_schema_command_prints_the_shipped_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert out == (ROOT / "schema" / "briefbook.schema.json").read_text(encoding="utf-8")
    assert json.loads(out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for kind in ("brief", "actor", "topic"):
        code, out, _ = run(capsys, "schema", "--kind", kind)
        assert out == (ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")


# -- the installed console script ------------------------------------------------------------
def test_console_script_runs_check_and_ingest(tmp_path):
    script = shutil.which("briefbook", path=str(Path(sys.executable).parent))
    assert script, "the briefbook console script is not installed next to this Python"
    copy_example(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([script, "ingest", str(FRENCH_ARTICLE), "--date", "2025-05-14"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wrote briefs/2025/l-otan-prete")
    done = subprocess.run([script, "check", "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["summary"]["files"] == example_files(tmp_path)
    (tmp_path / "briefs/2025/broken.md").write_text("---\ntitle: X\n---\n", encoding="utf-8")
    done = subprocess.run([script, "check"], cwd=tmp_path, capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "briefs/2025/broken.md:2:1: error: missing required field 'date' (YYYY, YYYY-MM or "
        "YYYY-MM-DD)"
    )


def test_writers_refuse_linked_folders_that_lead_outside_the_dossier(tmp_path, capsys):
    """new and init follow no linked folder out of the dossier (an attacker review made
    'briefs/2025' a link to another folder and new wrote there); a reserved Windows name and
    a missing parent folder are clean errors, never a traceback."""
    outside = tmp_path / "outside"
    outside.mkdir()
    assert cli.main(["init", str(tmp_path / "d")]) == 0
    capsys.readouterr()
    (tmp_path / "d/briefs/2025").symlink_to(outside, target_is_directory=True)
    code = cli.main(["new", "brief", "Wx", "--date", "2025-01-01", "--dir",
                     str(tmp_path / "d")])
    assert code != 0 and list(outside.iterdir()) == []
    assert "leads outside the dossier" in capsys.readouterr().err
    assert cli.main(["new", "topic", "Con", "--dir", str(tmp_path / "d")]) != 0
    assert "Windows reserves the name CON" in capsys.readouterr().err
    linked = tmp_path / "i3"
    linked.mkdir()
    (linked / "briefs").symlink_to(outside, target_is_directory=True)
    assert cli.main(["init", str(linked)]) == 2
    assert "leads outside the dossier" in capsys.readouterr().err
    assert list(outside.iterdir()) == []
    (tmp_path / "afile").write_text("x")
    assert cli.main(["init", str(tmp_path / "afile" / "sub")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_new_refuses_a_control_character_check_would_refuse(tmp_path, capsys):
    """'new actor' wrote an ESC into a name, which check then refused (an attacker review)."""
    assert cli.main(["init", str(tmp_path / "d")]) == 0
    capsys.readouterr()
    code = cli.main(["new", "actor", "Ev\x1b[31mil", "--kind", "state", "--dir",
                     str(tmp_path / "d")])
    assert code != 0
    assert "invisible control character U+001B" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "d/briefs/actors").iterdir()) == [
        "example-actor.md"]


def test_new_brief_says_which_tags_it_rewrote_and_refuses_empty_ones(project, capsys):
    code, out, err = run(capsys, "new", "brief", "Tags", "--date", "2025", "--tags", "ok",
                         "Défense Aérienne", "ok", "!!", "§")
    assert code == 1
    assert err == ("briefbook: --tags: '!!', '§' has no letter or digit to make a tag of; a tag "
                   "is lowercase letters a-z, digits and hyphens\n")
    assert not (project / "briefs/2025/tags.md").exists()
    code, out, _ = run(capsys, "new", "brief", "Tags", "--date", "2025", "--tags", "ok",
                       "Défense Aérienne", "ok")
    assert code == 0
    assert out.splitlines()[1:] == [
        "tag 'Défense Aérienne' written as 'defense-aerienne' (tags are slugs, like ids)"]
    assert "tags: [ok, defense-aerienne]" in (project / "briefs/2025/tags.md").read_text("utf-8")


def test_ingest_takes_a_grade_topics_and_tags_and_says_when_the_grade_is_missing(project, capsys):
    topic = sorted((project / "briefs/topics").glob("*.md"))[0].stem
    code, _, err = run(capsys, "ingest", str(FRENCH_ARTICLE), "--grade", "2b", "--topics", topic)
    assert code == 1 and "--grade: '2b' is not a grade (did you mean 'B2'?)" in err
    code, _, err = run(capsys, "ingest", str(FRENCH_ARTICLE), "--topics", "nope")
    assert code == 1 and "unknown topic 'nope'" in err
    assert not list((project / "briefs").rglob("l-otan-prete*.md"))  # nothing written
    code, out, _ = run(capsys, "ingest", str(FRENCH_ARTICLE), "--date", "2025-05-14",
                       "--grade", "b2", "--topics", topic, "--tags", "Air Policing")
    assert code == 0 and "  grade: none yet" not in out
    assert "  tag 'Air Policing' written as 'air-policing' (tags are slugs, like ids)" in out
    path = next((project / "briefs/2025").glob("l-otan-prete*.md"))
    data = load_file(path, project / "briefs", project).data
    assert (data["source"]["grade"], data["topics"], data["tags"]) == ("B2", [topic],
                                                                       ["air-policing"])
    code, out, _ = run(capsys, "ingest", str(FRENCH_ARTICLE), "--date", "2025-05-14",
                       "--slug", "ungraded")
    assert code == 0 and "  grade: none yet; once you have judged the source" in out
    assert run(capsys, "check", "--strict")[0] == 0


def test_ingest_of_a_markdown_post_takes_its_front_matter_date(project, capsys):
    post = project / "post.md"
    post.write_text("---\ntitle: Summit in Paris\ndate: 2025-04-01\nlayout: post\n---\n"
                    "The leaders met in Paris on Monday.\n", encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(post))
    assert code == 0
    assert "  date: 2025-04-01 (from its front-matter)" in out
    assert "  front-matter: not copied (title, date, layout)" in out
    text = (project / "briefs/2025/summit-in-paris.md").read_text(encoding="utf-8")
    assert "layout" not in text and "date_unknown" not in text


def test_new_names_every_problem_of_its_arguments_in_one_run(project, capsys):
    code, out, err = run(capsys, "new", "brief", "Summit", "--date", "2025", "--slug", "Bad Slug",
                         "--actors", "natoo", "--topics", "nope", "--tags", "!!")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 4 and all(line.startswith("briefbook: ") for line in lines)
    assert "'Bad Slug' is not a valid id" in lines[0]
    assert "unknown actor 'natoo' (did you mean 'nato'?)" in lines[1]
    assert "unknown topic 'nope'" in lines[2] and "--tags: '!!'" in lines[3]
    code, _, err = run(capsys, "new", "actor", "Jane Roe", "--kind", "person", "--country", "FRA",
                       "--member-of", "natoo", "--aliases", "NATO")
    assert code == 1
    assert [line.split(":")[1].split()[0] for line in err.splitlines()] == [
        "--country", "'NATO'", "unknown"]
    assert not (project / "briefs/actors/jane-roe.md").exists()


def test_a_briefs_dir_that_does_not_exist_is_named_with_the_config_that_names_it(
        tmp_path, monkeypatch, capsys, caplog):
    from mkdocs.exceptions import Abort

    project = make_project(tmp_path, {}, plugins="  - briefbook:\n      briefs_dir: dosier")
    monkeypatch.chdir(project)
    code, out, err = run(capsys, "check")
    assert (code, out) == (2, "")
    assert err.startswith("briefbook check: error: the dossier folder dosier, named by "
                          "mkdocs.yml, does not exist")
    with pytest.raises(Abort):
        build_project(project)
    assert "the dossier folder 'dosier' that 'briefs_dir' names does not exist" in caplog.text
    assert "correct 'briefs_dir' in mkdocs.yml" in caplog.text


@pytest.mark.parametrize("site_sanitizes", [True, False])
def test_check_agrees_with_a_site_that_sanitizes_every_body(tmp_path, monkeypatch, capsys,
                                                             site_sanitizes):
    """The build leaves out remote images when the site sanitizes; check does not warn then."""
    plugins = "  - briefbook:\n      sanitize: true" if site_sanitizes else "  - briefbook"
    project = make_project(tmp_path, {"briefs/a.md": "---\ntitle: A\ndate: '2025'\n---\n"
                                      "![x](https://tracker.example/p.png)\n"}, plugins=plugins)
    monkeypatch.chdir(project)
    code, out, _ = run(capsys, "check", "--strict")
    assert ("another host" in out) is not site_sanitizes
    assert code == (0 if site_sanitizes else 1)


@pytest.mark.parametrize("argv", [["check", "--review", "--today", "2026-12-01\n::error::x"],
                                  ["check", "--audience", "x\n::error file=a::forged"]])
def test_a_line_break_in_an_option_value_cannot_start_a_line_of_the_error(project, capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2 and "\\n::error" in err
    assert not any(line.startswith("::") for line in err.splitlines())


def test_new_brief_names_a_bad_date_with_its_other_mistakes(project, capsys):
    code, _, err = run(capsys, "new", "brief", "T", "--date", "2026-02-30",
                       "--actors", "natoo", "--topics", "reasurance-force")
    assert code == 1
    assert "day 30 does not exist" in err
    assert "unknown actor 'natoo' (did you mean 'nato'?)" in err
    assert "unknown topic 'reasurance-force' (did you mean 'reassurance-force'?)" in err
    assert "Traceback" not in err
