"""``dossier.json`` against its shipped JSON Schema, and ``positions.csv`` as RFC 4180 CSV."""

import copy
import csv
import io
import json
import re

import jsonschema
import pytest
from support import build_project, make_project

from briefbook.export import SCHEMA_VERSION, load_schema
from briefbook.export.positions_csv import COLUMNS, csv_cell


@pytest.fixture(scope="module")
def validator():
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def example_export(example_site):
    return json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))


def test_example_export_validates_against_the_shipped_schema(validator, example_export):
    assert load_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    errors = sorted(validator.iter_errors(example_export), key=str)
    assert errors == []
    assert example_export["schema_version"] == SCHEMA_VERSION


def test_export_holds_everything_with_ids_and_urls(example_site, example_export):
    data = example_export
    assert len(data["briefs"]) == 5
    assert len(data["actors"]) == 17
    assert len(data["topics"]) == 5
    assert len(data["positions"]) == 11
    assert len(data["events"]) == 7
    assert len(data["questions"]) == 11
    brief = next(b for b in data["briefs"] if b["id"] == "nato-role-in-reassurance-force")
    assert brief["url"] == "briefs/nato-role-in-reassurance-force/"
    assert brief["date"] == {"value": "2025-04", "precision": "month", "approximate": True}
    assert brief["body"].startswith("## What happened")
    # every URL points at a built page (and anchor)
    urls = [b["url"] for b in data["briefs"]] + [t["url"] for t in data["topics"]]
    urls += [q["url"] for q in data["questions"]]
    for url in urls:
        page, _, anchor = url.partition("#")
        assert example_site.exists(page), url
        if anchor:
            assert f'id="{anchor}"' in example_site.html(page)
    question = next(q for q in data["questions"] if q["id"] == "mark-latte-identity")
    assert question["status"] == "answered"
    assert question["answer"]["brief"] == "version-francaise-note-de-lecture"
    assert [e["brief"] for e in question["entries"]] == [
        "nato-role-in-reassurance-force", "version-francaise-note-de-lecture"]
    # events in date order
    keys = [(e["date"]["value"]) for e in data["events"]]
    assert keys == sorted(keys)


def test_schema_rejects_malformed_exports(validator, example_export):
    broken = copy.deepcopy(example_export)
    del broken["schema_version"]
    assert not validator.is_valid(broken)
    broken = copy.deepcopy(example_export)
    broken["positions"][0]["stance"] = "maybe"
    assert not validator.is_valid(broken)
    broken = copy.deepcopy(example_export)
    broken["briefs"][0]["date"]["value"] = "April 2025"
    assert not validator.is_valid(broken)
    broken = copy.deepcopy(example_export)
    broken["actors"][0]["surprise"] = 1
    assert not validator.is_valid(broken)


def test_export_urls_are_absolute_with_site_url(tmp_path, validator):
    project = make_project(tmp_path, DOSSIER)
    site = build_project(project, site_url="https://example.org/dossier/")
    data = json.loads((site.site / "dossier.json").read_text(encoding="utf-8"))
    assert validator.is_valid(data)
    assert data["briefs"][0]["url"] == "https://example.org/dossier/briefs/b/"
    assert data["questions"][0]["url"] == "https://example.org/dossier/questions/#q-one"
    assert data["actors"][0]["url"] is None  # no actor pages in this build


def test_positions_csv_is_rfc4180_with_a_header(example_site):
    raw = (example_site.site / "positions.csv").read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + 11
    trump = next(r for r in rows if r[0] == "donald-trump")
    record = dict(zip(COLUMNS, trump, strict=True))
    assert record["stance"] == "opposes"
    assert record["brief_url"] == "briefs/us-involvement-through-nato/"
    assert record["current"] == "yes"
    assert example_site.exists(record["brief_url"])


def test_positions_csv_guards_against_formula_injection(tmp_path):
    project = make_project(tmp_path, DOSSIER)
    text = (build_project(project).site / "positions.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[0]["summary"] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert rows[0]["quote"] == "'@SUM(1+1)"
    assert rows[0]["actor_name"] == "'+NATO, \"the alliance\""
    for value in ("=1", "+1", "-1", "@x", "\tx"):
        assert csv_cell(value).startswith("'")
    assert csv_cell("NATO = alliance") == "NATO = alliance"


def test_exports_can_be_turned_off(tmp_path):
    project = make_project(tmp_path, DOSSIER, plugins="  - briefbook:\n      export: false")
    site = build_project(project)
    assert not (site.site / "dossier.json").exists()
    assert not (site.site / "positions.csv").exists()


DOSSIER = {
    "briefs/actors/nato.md": "---\nname: '+NATO, \"the alliance\"'\nkind: organisation\n---\n",
    "briefs/topics/force.md": "---\ntitle: Force\n---\n",
    "briefs/b.md": """
        ---
        title: B
        date: "2025-04-02"
        positions:
          - actor: nato
            topic: force
            stance: supports
            summary: '=HYPERLINK("http://evil.example","x")'
            quote: "@SUM(1+1)"
        questions: [{id: q-one, text: "Why?"}]
        ---
    """,
}


def test_positions_csv_quotes_every_delimiter_and_neutralises_formulas_after_them():
    """A reader splitting on ';' or tab (European spreadsheets) gets no formula either."""
    from briefbook.export.positions_csv import csv_field

    cell = csv_field(csv_cell('fine;=HYPERLINK("http://evil.example")\tx'))
    assert cell == '"fine;\'=HYPERLINK(""http://evil.example"")\tx"'
    for text in ("a;b", "a\tb", 'a"b', "a,b", "a\nb"):
        assert csv_field(text).startswith('"'), text
    assert csv_field("plain text") == "plain text"
    for value in ("a;=1", "a,+1", "a\t-1", "a\n@x", "a;\t=x"):
        pieces = re.split(r"[,;\t\n]", csv_cell(value))
        assert not any(p.startswith(("=", "+", "-", "@")) for p in pieces), value
    assert list(csv.reader(io.StringIO(cell, newline=""), delimiter=";")) == [
        ['fine;\'=HYPERLINK("http://evil.example")\tx']]


def test_export_says_when_a_date_is_unknown_and_carries_credits(tmp_path, validator):
    project = make_project(tmp_path, {
        "briefs/u.md": "---\ntitle: U\ndate: '2025-05-02'\ndate_unknown: true\nsource:\n"
                       "  retrieved: '2025-05-02'\n  credits: ['Additional reporting by A. B.']\n"
                       "---\nText.\n",
        "briefs/k.md": "---\ntitle: K\ndate: '2025'\n---\nText.\n",
    })
    data = json.loads((build_project(project).site / "dossier.json").read_text(encoding="utf-8"))
    assert validator.is_valid(data)
    briefs = {b["id"]: b for b in data["briefs"]}
    assert briefs["u"]["date_unknown"] is True and briefs["k"]["date_unknown"] is False
    assert briefs["u"]["source"]["credits"] == ["Additional reporting by A. B."]
    assert briefs["u"]["source"]["retrieved"] == {"value": "2025-05-02", "precision": "day",
                                                  "approximate": False}
    assert briefs["k"]["source"]["retrieved"] is None
