"""A site with ``theme.language: de`` gets German labels and German dates on every page Briefbook
generates, from de.yml alone; the English and French sites keep their own."""

from __future__ import annotations

import html as html_lib
import re
import string
from pathlib import Path

import icalendar
import pytest
from support import BuiltSite, build_project, copy_example

from briefbook.i18n.catalogue import catalogue

#: The folders of the pages Briefbook generates (the docs/ pages are the dossier owner's own).
GENERATED = ("briefs", "actors", "timeline", "questions", "positions", "topics", "changes",
             "print")


def _build(tmp_path: Path, language: str) -> BuiltSite:
    project = copy_example(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  language: en\n" in text
    config.write_text(text.replace("\n  language: en\n", f"\n  language: {language}\n"),
                      encoding="utf-8")
    return build_project(project, strict=True)


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _build(tmp_path_factory.mktemp("german"), "de")


def _text(html: str) -> str:
    article = html[html.index("<article"): html.index("</article>")]
    spaced = re.sub(r"</?(?:p|div|dt|dd|li|ul|ol|h\d|br|section|tr|td|th)\b[^>]*>", " ", article)
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", spaced))).strip()


def _generated_pages(site: BuiltSite) -> dict[str, str]:
    pages = {"": site.html("")}
    for folder in GENERATED:
        for path in sorted((site.site / folder).rglob("index.html")):
            pages[str(path.relative_to(site.site))] = path.read_text(encoding="utf-8")
    return pages


def _english_phrases() -> list[str]:
    """Every English label of three words or more, cut at its placeholders."""
    english = catalogue("en")
    assert english is not None
    phrases = []
    for label in english.labels.values():
        for text in [label] if isinstance(label, str) else label.values():
            for literal, *_ in string.Formatter().parse(text):
                if len(literal.split()) >= 3:
                    phrases.append(literal.strip())
    return phrases


def test_german_labels_on_the_generated_pages(german_site):
    assert '<html lang="de"' in german_site.html("")
    overview = _text(german_site.html(""))
    for label in ("5 Kurzberichte", "17 Akteure", "5 Themen", "9 Positionen", "Offene Fragen",
                  "Neueste Kurzberichte", "Meistgenannte Akteure", "Jüngste Ereignisse"):
        assert label in overview
    questions = _text(german_site.html("questions/"))
    assert questions.startswith("Fragen 11 Fragen · 9 offen · 2 beantwortet · 0 gegenstandslos")
    assert "Aufgeworfen in" in questions and "Belegkette" in questions
    actor = _text(german_site.html("actors/france/"))
    assert actor.startswith("France Staat ")
    for label in ("Auch bekannt als", "Mitglied von", "Angaben unter einer Bewertung ausblenden",
                  "Zuverlässigkeit der Quelle", "B — meist zuverlässig oder besser"):
        assert label in actor
    brief = _text(german_site.html("briefs/nato-role-in-reassurance-force/"))
    assert "Bewertung B2 Quelle: meist zuverlässig; Information: wahrscheinlich wahr" in brief
    assert "Art der Quelle Pressebericht" in brief


def test_german_month_names_and_dates(german_site):
    timeline = _text(german_site.html("timeline/"))
    assert timeline.startswith("Zeitleiste 6 Ereignisse · ca. März 2025 – ca. April 2025 "
                               "Herunterladen: Ereignisse als JSON · Kalender (iCalendar)")
    assert '<h3 id="2025-03">März 2025' in german_site.html("timeline/")  # the month heading
    changes = _text(german_site.html("changes/"))
    assert "Kalenderwoche 14/2025 31. März 2025 – 6. April 2025" in changes
    calendar = icalendar.Calendar.from_ical((german_site.site / "timeline.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]).endswith(" — Zeitleiste")
    descriptions = [str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT")]
    assert any(d.startswith("Datum: ca. März 2025 – ca. April 2025\nAkteure: ")
               for d in descriptions)


def test_no_english_label_is_left_on_a_german_page(german_site, example_site):
    phrases = _english_phrases()
    english_pages = _generated_pages(example_site)
    shown_in_english = {p for p in phrases if any(p in page for page in english_pages.values())}
    assert len(shown_in_english) >= 20  # the check below looks at labels the site really shows
    leaks = {name: [p for p in phrases if p in page]
             for name, page in _generated_pages(german_site).items()}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_english_and_french_sites_keep_their_labels(example_site, tmp_path):
    english = _text(example_site.html("timeline/"))
    assert english.startswith("Timeline 6 events · c. March 2025 – c. April 2025 Download: "
                              "events as JSON · calendar (iCalendar)")
    assert "Week 14, 2025 31 March 2025 – 6 April 2025" in _text(example_site.html("changes/"))
    french = _build(tmp_path, "fr")
    assert _text(french.html("timeline/")).startswith(
        "Chronologie 6 événements · vers mars 2025 – vers avril 2025 Télécharger: "
        "événements en JSON · calendrier (iCalendar)")
    assert "Semaine 14 de 2025 31 mars 2025 – 6 avril 2025" in _text(french.html("changes/"))
    assert _text(french.html("questions/")).startswith(
        "Questions 11 questions · 9 ouverte · 2 résolue · 0 sans objet")
