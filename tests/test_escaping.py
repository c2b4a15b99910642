"""Every front-matter value is escaped wherever it lands: every HTML page, JSON file and the
search index of a site built, with the repository's own plugins, from a dossier of payloads."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

import pytest
from payloads import (
    SHOWN_ON_BRIEF_PAGES,
    build_payload_site,
    payload,
    payload_dossier,
    script_injections,
)
from support import build_project, copy_example, write_files


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    return build_payload_site(tmp_path_factory.mktemp("payloads"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def test_payload_dossier_builds_and_every_page_is_checked(payload_site):
    pages = list(payload_site.site.rglob("*.html"))
    assert len(pages) >= 4
    assert payload_site.exists("briefs/evil-brief/")


def test_no_html_page_lets_a_payload_become_markup(payload_site):
    found = {}
    for page in payload_site.site.rglob("*.html"):
        problems = script_injections(page.read_text(encoding="utf-8"))
        if problems:
            found[page.relative_to(payload_site.site).as_posix()] = problems
    assert found == {}


def test_payloads_show_as_text(payload_site):
    text = visible_text(payload_site.html("briefs/evil-brief/"))
    missing = [field for field in SHOWN_ON_BRIEF_PAGES if payload(field) not in text]
    assert missing == []
    assert "<title>" not in text  # the <title> element was not broken out of


def test_sanitized_body_keeps_text_and_drops_script(payload_site):
    html = payload_site.html("briefs/evil-brief/")
    assert 'id="what-happened' in html  # the heading kept its anchor
    assert "A paragraph with" in html
    assert "body-svg" not in html and "body-iframe" not in html and "body-form" not in html


def test_search_index_titles_and_texts_are_escaped(payload_site):
    index = json.loads((payload_site.site / "search/search_index.json").read_text("utf-8"))
    entries = [d for d in index["docs"] if "evil" in d["location"]]
    assert entries
    for doc in index["docs"]:
        assert script_injections(doc["title"]) == [], doc["location"]
        assert script_injections(doc["text"]) == [], doc["location"]
    titles = " ".join(visible_text(d["title"]) for d in entries)
    assert payload("title") in titles


def test_every_json_file_is_valid_and_keeps_values_as_data(payload_site):
    files = list(payload_site.site.rglob("*.json"))
    assert files  # at least the search index
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name == "search_index.json":
            continue
        if path.relative_to(payload_site.site).as_posix() == "previews/index.json":
            assert data == {"shards": 1}  # how many files the preview cards are in; no text
            continue
        # an export carries values as data, exactly as written: the title is there verbatim
        assert payload("title") in set(strings(data)), path.name


def strings(value):
    """Every string in a decoded JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_escaping_holds_under_a_template_override(tmp_path):
    """A site's own copy of a template still renders with autoescape on."""
    project = copy_example(tmp_path)
    shutil.rmtree(project / "briefs")
    write_files(project, payload_dossier())
    write_files(project, {"overrides/briefbook/brief_header.html":
                          "<header class='mine'><h1>{{ brief.title }}</h1></header>\n"})
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(config.replace(
        "theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n"))
    html = build_project(project).html("briefs/evil-brief/")
    assert "class='mine'" in html
    assert script_injections(html) == []
