"""Property-based tests: whatever a dossier holds, the result is a site or diagnostics.

Arbitrary YAML values and arbitrary text are thrown at the loader, the validator and the views
(fast, many examples), and at a full MkDocs build (slower, fewer examples). A traceback is a
failure; so is a brief file that is neither in the model nor named by an error.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from support import build_project, make_project, mkdocs_messages

from briefbook.index.lookups import build_index
from briefbook.load.files import load_file
from briefbook.render.environment import Renderer
from briefbook.validate.fields import (
    BRIEF_FIELDS,
    EVENT_FIELDS,
    POSITION_FIELDS,
    QUESTION_FIELDS,
    SOURCE_FIELDS,
    validate,
)
from briefbook.views.brief import brief_pages
from briefbook.views.briefs_index import briefs_index_pages
from briefbook.views.context import ViewContext
from briefbook.views.urls import SiteUrls

BASE = Path("/dossier")
ROOT = BASE / "briefs"
ACTORS = {
    "actors/nato.md": "---\nname: NATO\nkind: organisation\naliases: [OTAN]\n---\nAlliance.\n",
    "actors/france.md": "---\nname: France\nkind: state\naffiliations: [nato]\n---\n",
    "topics/force.md": "---\ntitle: Reassurance force\n---\n",
}
RENDERER = Renderer()  # templates compiled once for every example
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=10, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# -- strategies ------------------------------------------------------------------------------

nasty_text = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from([
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "---", "...", "```",
            "<!--", "-->", "\x00", "\x02", "\x03", "\x7f", "\u2028", "\ufeff", "\r\n", "\r",
            "\t", "[x](javascript:alert(1))", "# Heading", "<div>", "</div>", "{: #id }",
            "!!! note", "    ", "\n\n", "&amp;", "&#0;", "\\", "*", "_", "|a|b|\n|-|-|",
            "<!--bb:0-->", "\x02wzxhzdk:0\x03", "~2025-04", "../", "NATO", "OTAN",
        ]),
    ),
    max_size=12,
).map("".join)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), nasty_text,
    st.sampled_from(["nato", "france", "force", "q1", "NATO", "../x", "2025", "2025-02-30",
                     "~2025-04", "2025-04-10", "supports", "answered", "https://example.org/",
                     "javascript:alert(1)", "data:text/html,x", "fr", "true"]),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=16,
)
entry_fields = POSITION_FIELDS + EVENT_FIELDS + QUESTION_FIELDS + SOURCE_FIELDS
entries = st.lists(
    st.dictionaries(st.sampled_from(entry_fields), yaml_values, max_size=6), max_size=3
)
front_matter = st.dictionaries(
    st.one_of(st.sampled_from(BRIEF_FIELDS), st.text(max_size=8)),
    st.one_of(yaml_values, entries, st.dictionaries(st.sampled_from(SOURCE_FIELDS), scalars)),
    max_size=10,
)


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# -- the pipeline without MkDocs -------------------------------------------------------------

def run_pipeline(files: dict[str, bytes]) -> None:
    """Load, validate, index and render every page; assert nothing is lost silently."""
    raws = [load_file(BASE / "briefs" / rel, ROOT, BASE, data) for rel, data in files.items()]
    dossier, diags = validate(raws)
    index = build_index(dossier)
    ctx = ViewContext(dossier, index, SiteUrls(), RENDERER, options={"sanitize": True})
    pages = briefs_index_pages(ctx, 2) + brief_pages(ctx)
    for page in pages:
        doc = page.produce()
        assert doc.src_uri == page.src_uri
        assert doc.markdown.startswith("---\ntitle: ")
        assert ".." not in doc.src_uri.split("/")
    placed = {brief.location.path for brief in dossier.briefs.values()}
    named = {d.location.path for d in diags.errors}
    for raw in raws:
        if raw.kind.value == "brief":
            assert raw.display in placed | named, raw.display


def brief_files(text: str) -> dict[str, bytes]:
    return {**{k: v.encode() for k, v in ACTORS.items()}, "2025/fuzz.md": text.encode()}


@FAST
@given(front_matter, nasty_text)
def test_arbitrary_front_matter_values(data, body):
    run_pipeline(brief_files(f"---\n{dump(data)}---\n{body}"))


@FAST
@given(front_matter.map(lambda d: {"title": "T", "date": "2025", **d}), nasty_text)
def test_arbitrary_values_beside_a_valid_title_and_date(data, body):
    run_pipeline(brief_files(f"---\n{dump(data)}---\n{body}"))


@FAST
@given(nasty_text, nasty_text)
def test_arbitrary_text_as_front_matter_and_body(front, body):
    run_pipeline(brief_files(f"---\n{front}\n---\n{body}"))


@FAST
@given(st.binary(max_size=200))
def test_arbitrary_bytes_as_a_file(data):
    run_pipeline({**{k: v.encode() for k, v in ACTORS.items()}, "2025/fuzz.md": data})


@FAST
@given(st.dictionaries(st.sampled_from(["name", "kind", "aliases", "role", "affiliations",
                                        "country", "wikidata", "external_ids"]),
                       yaml_values, max_size=8))
def test_arbitrary_actor_files(data):
    run_pipeline({
        **{k: v.encode() for k, v in ACTORS.items()},
        "actors/fuzz.md": f"---\n{dump(data)}---\n".encode(),
        "2025/a.md": b"---\ntitle: A\ndate: '2025'\nactors: [fuzz, nato]\n---\n",
    })


# -- full MkDocs builds ----------------------------------------------------------------------

def build_or_diagnose(files: dict[str, str]) -> None:
    """Build a site: it must succeed or stop with the dossier's diagnostics, nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp), {})
        for rel, text in files.items():
            path = project / "briefs" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        with mkdocs_messages(logging.ERROR) as errors:
            try:
                site = build_project(project)
            except Abort:
                # MkDocs logs why it stopped: it must be the dossier's diagnostics, not a crash.
                assert errors, "the build stopped without saying why"
                assert all(m.startswith("briefbook: the dossier has") for m in errors), errors
                return
        assert site.exists("briefs/fuzz/")


@SLOW
@given(front_matter.map(lambda d: {"title": "T", "date": "2025", **d}), nasty_text)
def test_build_with_arbitrary_front_matter(data, body):
    build_or_diagnose({**ACTORS, "2025/fuzz.md": f"---\n{dump(data)}---\n{body}"})


@SLOW
@given(nasty_text, st.booleans())
def test_build_with_arbitrary_body(body, sanitize):
    build_or_diagnose({
        **ACTORS,
        "2025/fuzz.md": f"---\ntitle: T\ndate: '2025'\nsanitize: {str(sanitize).lower()}\n"
                        f"---\n{body}",
    })
