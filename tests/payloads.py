"""A dossier with a script payload in every field, and a checker for HTML that lets one run.

Each payload names its field, tries to open an element (``<xss-FIELD>``), to break out of an
attribute (``"'>``), to run an event handler and a script. Escaped, it reads as text.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import yaml
from support import BuiltSite, build_project, copy_example, write_files


def payload(field: str) -> str:
    return (f"<xss-{field}>\"'><img src=x onerror=\"window.__xss='{field}'\">"
            f"<script>alert('{field}')</script>")


# Fields whose value the core's brief pages show as text.
SHOWN_ON_BRIEF_PAGES = (
    "title", "summary", "publisher", "source-title", "author", "position-summary",
    "position-quote", "event-title", "event-place", "question-text", "question-answer",
    "actor-name", "topic-title",
)


def _front(data: dict, body: str = "") -> str:
    return f"---\n{yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}---\n{body}"


BODY = f"""\
## What happened {payload("body-heading")}

A paragraph with {payload("body")} and a [link](javascript:window.__xss='body-link') and
<a href="javascript:window.__xss='body-a'">an anchor</a>.

<div onmouseover="window.__xss='body-div'" style="position:fixed;inset:0">cover</div>

<iframe src="javascript:window.__xss='body-iframe'"></iframe>
<svg onload="window.__xss='body-svg'"></svg>
<form action="javascript:window.__xss='body-form'"><button>go</button></form>
"""


def payload_dossier() -> dict[str, str]:
    """Files of the dossier, relative to the project (``briefs/...``)."""
    return {
        "briefs/actors/evil.md": _front({
            "name": payload("actor-name"),
            "kind": "group",
            "aliases": [payload("actor-alias")],
            "role": payload("actor-role"),
            "country": payload("actor-country"),
            "external_ids": {"site": payload("actor-external-id")},
        }, "An ordinary profile.\n"),
        "briefs/actors/plain.md": _front({"name": "Plain", "kind": "state",
                                          "affiliations": ["evil"]}),
        "briefs/topics/evil-topic.md": _front({
            "title": payload("topic-title"), "summary": payload("topic-summary"),
        }, "An ordinary description.\n"),
        "briefs/2025/evil-brief.md": _front({
            "title": payload("title"),
            "date": "2025-04-10",
            "summary": payload("summary"),
            "sanitize": True,
            "source": {
                "publisher": payload("publisher"),
                "title": payload("source-title"),
                "url": "https://example.org/?q=\"><xss-url>&x='",
                "language": payload("language"),
                "translated_from": payload("translated-from"),
                "authors": [payload("author")],
            },
            "actors": ["evil", "plain"],
            "topics": ["evil-topic"],
            "tags": ["tags-are-slugs"],  # a tag that is not a slug is an error
            "positions": [{
                "actor": "evil", "topic": "evil-topic", "stance": "supports",
                "summary": payload("position-summary"), "quote": payload("position-quote"),
            }],
            "events": [{
                "date": "2025-04", "title": payload("event-title"),
                "place": payload("event-place"), "actors": ["evil"],
            }],
            "questions": [{
                "id": "evil-question", "text": payload("question-text"), "status": "answered",
                "answer": payload("question-answer"), "actors": ["evil"],
                "topics": ["evil-topic"],
            }],
        }, BODY),
        "briefs/2025/follow-up.md": _front({
            "title": "Follow-up", "date": "2025-05-01", "actors": ["evil"],
            "questions": [{"id": "evil-question", "status": "answered",
                           "answer": payload("follow-up-answer")}],
        }, "Plain text.\n"),
    }


class ScriptFinder(HTMLParser):
    """Collects every way a payload could have become markup instead of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.startswith("xss"):
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("xss") or "xss-" in name:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name.startswith("on") and "__xss" in value:
                self.problems.append(f"event handler {name}={value!r} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and \
                    value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and ("alert('" in data or "__xss" in data):
            self.problems.append(f"script {data[:60]!r}")


def script_injections(html: str) -> list[str]:
    """What in ``html`` could run a payload (empty when everything was escaped)."""
    finder = ScriptFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


def build_payload_site(project: Path) -> BuiltSite:
    """The example project (its ``mkdocs.yml``: every plugin the repository uses) with the
    payload dossier in place of the example briefs, built."""
    copy_example(project)
    shutil.rmtree(project / "briefs")
    write_files(project, payload_dossier())
    return build_project(project)
