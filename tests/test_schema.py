"""The JSON Schema of front-matter agrees with validation, file by file, and is what we ship."""

from __future__ import annotations

import textwrap

import pytest
from jsonschema import Draft202012Validator
from support import ROOT, write_files

from briefbook.authoring.schema import KINDS, build_schema, schema_json
from briefbook.load.files import FileKind, discover, load_file
from briefbook.pipeline import load_dossier

VALIDATORS = {kind: Draft202012Validator(build_schema(kind)) for kind in KINDS}
ANY_KIND = Draft202012Validator(build_schema())

REFERENCED = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\naliases: [OTAN]\n---\n",
    "briefs/actors/france.md": "---\nname: France\nkind: state\n---\n",
    "briefs/topics/force.md": "---\ntitle: Reassurance force\n---\n",
}

GOOD = {
    "brief": [
        'title: A\ndate: "2025-04-10"',
        "title: 2025\ndate: 2025",
        'title: A\ndate: "~2025-04"\nactors: nato\ntopics: [force]\ntags: [x, 2]\nslug: my-id\n'
        "sanitize: true",
        'title: A\ndate: "2025"\nsource:\n  url: "https://x.example/a b"\n  language: pt-BR\n'
        '  translated_from: en\n  authors: [A. B.]\n  publisher: P',
        'title: A\ndate: "2025"\nsource:\n  url: "HTTPS://example.org/a?b#c"',
        'title: A\ndate: "2025"\npositions:\n  - {actor: nato, topic: force, stance: Supports, '
        'summary: S, date: "2025-03"}',
        'title: A\ndate: "2025"\nevents:\n  - {date: "2025-03", end: "2025-04", title: T, '
        "actors: [nato, france], place: P}",
        'title: A\ndate: "2025"\nquestions:\n  - {id: q1, text: Why?, status: answered, '
        "answer: Because.}\n  - {id: q2, text: Who?}\n  - {id: q3, text: How?, status: moot, "
        "answer: Moot.}",
        'title: A\ndate: "2025"\nsummary:\nsource:\nactors:\nslug: ""',
        'title: A\ndate: "2025"\nsummary: "  "\nslug: " "\nquestions:\n  - {id: q, text: Q?, '
        'status: "  "}',
        'title: A\ndate: "2025"\nsource:\n  kind: Report\n  grade: b 2',
        'title: A\ndate: "2025"\nsource: {kind: "", grade: ""}',
        'title: A\ndate: "2025"\npositions:\n  - {id: p-1, actor: nato, topic: force, '
        "stance: supports, summary: S}\nevents:\n  - {id: summit, date: \"2025-03\", title: T}",
    ],
    "actor": [
        "name: N\nkind: State",
        'name: N\nkind: person\naliases: ["N. N.", 7]\nrole: R\ncountry: fr\n'
        "affiliations: [nato]\nwikidata: Q42\nexternal_ids: {viaf: '123', isni: 5}",
        "name: N\nkind: state\nexternal_ids: {wikidata: Q42, site: 'https://example.org/n'}",
    ],
    "topic": ["title: T", "title: T\nsummary: S"],
}

BAD = {
    "brief": [
        "title: A",                                           # no date
        'date: "2025"',                                       # no title
        'title: "   "\ndate: "2025"',                         # a blank title is no title
        'title: A\ndate: "2025-13"',                          # no such month
        'title: A\ndate: "2025/04"',                          # not a date
        'title: A\ndate: "0000"',                             # no year 0
        'title: [a, b]\ndate: "2025"',                        # title is a list
        'title: A\ndate: "2025"\nsanitize: "yes"',            # not a boolean
        'title: A\ndate: "2025"\nsanitize:',                  # null is not a boolean either
        'title: A\ndate: "2025"\nsource:\n  url: "javascript:alert(1)"',
        'title: A\ndate: "2025"\nsource:\n  url: "https:///no-host"',
        'title: A\ndate: "2025"\nsource:\n  url: /relative',
        'title: A\ndate: "2025"\nsource:\n  url: www.lemonde.fr/article',
        'title: A\ndate: "2025"\nsource:\n  url: "https://user@/no-host"',
        'title: A\ndate: "2025"\nsource:\n  url: "https://a b.example/"',
        'title: A\ndate: "2025"\nsource:\n  language: français',
        'title: A\ndate: "2025"\nsource: just text',
        'title: A\ndate: "2025"\ntitel: typo',                 # unknown field (a warning)
        'title: A\ndate: "2025"\nsource:\n  lang: fr',        # unknown nested field
        'title: A\ndate: "2025"\nslug: index',                # reserved id
        'title: A\ndate: "2025"\nslug: Bad_Id',
        'title: A\ndate: "2025"\nactors: [nato, [france]]',
        'title: A\ndate: "2025"\ntags: {a: b}',
        'title: A\ndate: "2025"\ntags: [Bad Tag]',                # tags are slugs
        'title: A\ndate: "2025"\ntags: "a_b"',
        'title: A\ndate: "2025"\nslug: con',                  # reserved on Windows
        'title: A\ndate: "2025"\nslug: lpt9',
        'title: A\ndate: "2025"\npositions:\n  - {actor: nato, topic: force, summary: S}',
        'title: A\ndate: "2025"\npositions:\n  - {actor: nato, topic: force, stance: maybe, '
        "summary: S}",
        'title: A\ndate: "2025"\npositions:\n  - {actor: nato, topic: force, stance: supports}',
        'title: A\ndate: "2025"\npositions: {actor: nato}',
        'title: A\ndate: "2025"\nevents:\n  - {date: "2025-03"}',
        'title: A\ndate: "2025"\nevents:\n  - {title: T, date: "March"}',
        'title: A\ndate: "2025"\nquestions:\n  - {id: q1, text: Why?, status: answered}',
        'title: A\ndate: "2025"\nquestions:\n  - {id: q1, text: Why?, answer: Because.}',
        'title: A\ndate: "2025"\nquestions:\n  - {id: Bad Id, text: Why?}',
        'title: A\ndate: "2025"\nquestions:\n  - {text: Why?}',
        'title: A\ndate: "2025"\nquestions:\n  - {id: q1, text: Why?, status: closed}',
        'title: A\ndate: "2025"\nsource:\n  kind: rumour',
        'title: A\ndate: "2025"\nsource:\n  grade: G7',
        'title: A\ndate: "2025"\nsource:\n  grade: 2B',
        'title: A\ndate: "2025"\nevents:\n  - {id: Bad Id, date: "2025-03", title: T}',
        'title: A\ndate: "2025"\npositions:\n  - {id: x_y, actor: nato, topic: force, '
        "stance: supports, summary: S}",
    ],
    "actor": [
        "kind: state",
        "name: N",
        "name: ' '\nkind: state",
        "name: N\nkind: country",
        "name: N\nkind: state\nwikidata: '7184'",
        "name: N\nkind: state\ncountry: GBR",
        "name: N\nkind: state\nexternal_ids: {viaf: [1, 2]}",
        "name: N\nkind: state\nexternal_ids: {wikidata: '../../w/index.php?title=x'}",
        "name: N\nkind: state\nexternal_ids: {wikidata: '7184'}",
        "name: N\nkind: state\nexternal_ids: [viaf]",
        "name: N\nkind: state\naliases: [{a: b}]",
        "name: N\nkind: state\nslug: n",
    ],
    "topic": ["summary: S", "title: T\nsummary: [a]", "title: T\nkind: state"],
}

FOLDERS = {"brief": "briefs/2025", "actor": "briefs/actors", "topic": "briefs/topics"}


def _cases():
    for kind, texts in GOOD.items():
        for text in texts:
            yield pytest.param(kind, text, True, id=f"good-{kind}-{text[:40]}")
    for kind, texts in BAD.items():
        for text in texts:
            yield pytest.param(kind, text, False, id=f"bad-{kind}-{text[:40]}")


@pytest.mark.parametrize(("kind", "front", "clean"), list(_cases()))
def test_schema_and_validation_agree_on_one_file(tmp_path, kind, front, clean):
    rel = f"{FOLDERS[kind]}/case.md"
    write_files(tmp_path, {**REFERENCED, rel: f"---\n{textwrap.dedent(front)}\n---\nBody.\n"})
    result = load_dossier(tmp_path / "briefs", tmp_path)
    reported = [d.format() for d in result.diagnostics if d.location.path == rel]
    assert [d.format() for d in result.diagnostics if d.location.path != rel] == []
    data = load_file(tmp_path / rel, tmp_path / "briefs", tmp_path).data
    rejected = [e.message for e in VALIDATORS[kind].iter_errors(data)]
    assert (not reported) is clean, reported
    assert (not rejected) is clean, rejected
    if clean:  # a broken brief may still be a valid topic: only the folder tells them apart
        assert ANY_KIND.is_valid(data)


def test_every_file_of_the_example_dossier_is_valid():
    root = ROOT / "briefs"
    kinds = set()
    for path in discover(root):
        raw = load_file(path, root, ROOT)
        kinds.add(raw.kind)
        errors = [e.message for e in VALIDATORS[raw.kind.value].iter_errors(raw.data)]
        assert errors == [], path
        assert ANY_KIND.is_valid(raw.data), path
    assert kinds == set(FileKind)


def test_schema_is_a_valid_draft_2020_12_schema():
    for kind in (None, *KINDS):
        Draft202012Validator.check_schema(build_schema(kind))


def test_the_repository_ships_the_generated_schema():
    assert (ROOT / "schema" / "briefbook.schema.json").read_text(encoding="utf-8") == schema_json()
    for kind in KINDS:
        shipped = (ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert shipped == schema_json(kind), f"regenerate: briefbook schema --kind {kind}"
