"""The translation catalogue: every language has every key a template or view asks for, texts
and plural forms are well formed, and a missing key is never printed in place of a label."""

from __future__ import annotations

import string
from enum import StrEnum

import pytest
from catalogue_keys import asked_keys, key_tables
from mkdocs.exceptions import Abort
from support import build_project, make_project, write_files

from briefbook.i18n import catalogue as catalogue_module
from briefbook.i18n.catalogue import (
    FALLBACK,
    Catalogue,
    CatalogueError,
    base_language,
    catalogue,
    languages,
    parse_catalogue,
)
from briefbook.i18n.grades import grade_meaning, scale
from briefbook.i18n.key_tables import LABEL_TABLES, KeyTable, label_key
from briefbook.i18n.translator import LabelError, Translator
from briefbook.model.dossier import ActorKind, QuestionStatus, Stance
from briefbook.model.grading import Grade, SourceKind

ASKED = asked_keys()


def _catalogue(language: str) -> Catalogue:
    found = catalogue(language)
    assert found is not None, f"no i18n/{language}.yml"
    return found


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _texts(label: str | dict[str, str]) -> list[str]:
    return [label] if isinstance(label, str) else list(label.values())


def test_languages_are_the_data_files():
    assert languages() == ("de", "en", "fr")


def test_every_key_is_written_out_or_looked_up_in_a_key_table():
    assert ASKED.problems == []
    assert len(ASKED.kinds) > 150  # the collector finds the templates' and views' calls


def test_english_has_every_key_asked_for_and_no_other():
    english = _catalogue(FALLBACK).labels
    missing = {key: ASKED.places[key] for key in ASKED.kinds if key not in english}
    assert missing == {}, "asked for but not in en.yml"
    unused = sorted(set(english) - set(ASKED.kinds))
    assert unused == [], "in en.yml but asked for nowhere"


def test_each_key_is_asked_for_the_way_english_writes_it():
    """``tn`` for a text that depends on a number, ``t`` for one that does not."""
    english = _catalogue(FALLBACK).labels
    wrong = {key: (sorted(kinds), ASKED.places[key]) for key, kinds in ASKED.kinds.items()
             if key in english  # (a key missing from en.yml fails the test above)
             and kinds != {"plain" if isinstance(english[key], str) else "plural"}}
    assert wrong == {}


@pytest.mark.parametrize("language", languages())
def test_every_language_has_every_key_in_the_same_shape(language):
    english, labels = _catalogue(FALLBACK).labels, _catalogue(language).labels
    assert sorted(set(english) - set(labels)) == []
    assert sorted(set(labels) - set(english)) == []
    for key, text in labels.items():
        assert isinstance(text, str) == isinstance(english[key], str), key


@pytest.mark.parametrize("language", languages())
def test_translations_keep_the_placeholders(language):
    english, labels = _catalogue(FALLBACK).labels, _catalogue(language).labels
    for key, label in labels.items():
        allowed = set().union(*(_placeholders(text) for text in _texts(english[key])))
        for text in _texts(label):
            assert _placeholders(text) <= allowed, (key, text)
        if isinstance(label, str):
            assert _placeholders(label) == allowed, (key, label)
        else:
            assert _placeholders(label["other"]) == allowed, (key, label)


@pytest.mark.parametrize("language", languages())
def test_plural_forms_are_the_languages_cldr_categories(language):
    found = _catalogue(language)
    for key, label in found.labels.items():
        if not isinstance(label, str):
            assert "other" in label and set(label) <= found.plural_categories, key
    assert found.plural_categories == {"de": {"one", "other"}, "en": {"one", "other"},
                                       "fr": {"one", "many", "other"}}[language]


def test_every_enum_member_has_a_key_through_its_table():
    tables = {table.name: table for table in key_tables()}
    assert {"stance", "question status", "question status heading", "actor kind",
            "actor kind group", "source kind", "reliability", "credibility",
            "question change"} <= set(tables)
    for enum in (Stance, QuestionStatus, ActorKind, SourceKind):
        assert set(LABEL_TABLES[enum].values) == set(enum)
        assert all(label_key(member) for member in enum)


def test_a_key_table_must_cover_its_whole_set():
    class Colour(StrEnum):
        RED = "red"
        BLUE = "blue"

    with pytest.raises(ValueError, match=r"no key for \[<Colour.BLUE: 'blue'>\]"):
        KeyTable("colour", Colour, {Colour.RED: "red"})
    with pytest.raises(TypeError, match="no label table for Colour"):
        label_key(Colour.RED)


# -- at run time ---------------------------------------------------------------------------------

def test_a_key_missing_in_english_raises_with_a_did_you_mean():
    t = Translator("fr")
    with pytest.raises(LabelError, match="no label 'timelime' in Briefbook's catalogue "
                       r"\(did you mean 'timeline'\?\)"):
        t("timelime")
    with pytest.raises(LabelError, match=r"'brief_count' depends on a number: use tn"):
        t("brief_count")
    with pytest.raises(LabelError, match=r"'timeline' does not depend on a number: use t"):
        t.plural("timeline", 2)


def test_a_key_missing_in_another_language_falls_back_to_english(monkeypatch):
    french = _catalogue("fr")
    partial = Catalogue("fr", {k: v for k, v in french.labels.items() if k != "timeline"},
                        french.date_formats, french.plural_categories)
    monkeypatch.setattr("briefbook.i18n.translator.catalogue",
                        lambda code: partial if base_language(code) == "fr" else catalogue(code))
    t = Translator("fr")
    assert t("timeline") == "Timeline"
    assert t("overview") == "Vue d'ensemble"


def test_a_language_without_a_file_is_english_throughout():
    t = Translator("it")
    assert not t.has_labels and t.language == "it" and t.catalogue.language == "en"
    assert t("overview") == "Overview" and t.language_name("fr") == "French"


def test_plural_forms_follow_each_languages_cldr_rules():
    en, fr, de = Translator("en"), Translator("fr-CA"), Translator("de")
    assert [en.plural("brief_count", n) for n in (0, 1, 2)] == ["0 briefs", "1 brief", "2 briefs"]
    # French counts zero as singular, as CLDR says
    assert [fr.plural("brief_count", n) for n in (0, 1, 2)] == ["0 fiche", "1 fiche", "2 fiches"]
    # CLDR's French "many" (1000000) has no text of its own: "other" stands in
    assert fr.plural("brief_count", 1_000_000) == "1000000 fiches"
    assert [de.plural("event_count", n) for n in (0, 1, 2)] == \
        ["0 Ereignisse", "1 Ereignis", "2 Ereignisse"]
    assert de.plural("named_times", 1) == "einmal genannt"
    assert de.plural("named_times", 3) == "3-mal genannt"
    assert en.plural_pattern("claims_hidden", 1) == "{count} claim hidden."


def test_labels_of_enum_members_and_language_names():
    de = Translator("de")
    assert [de.label(s) for s in Stance] == \
        ["dafür", "dagegen", "unter Bedingungen", "neutral", "unentschieden"]
    assert de.label(ActorKind.STATE) == "Staat" and de.label(QuestionStatus.MOOT) == \
        "gegenstandslos"
    assert de.label(SourceKind.OFFICIAL) == "amtliche Erklärung oder amtliches Dokument"
    assert [de.language_name(c) for c in ("fr", "en-GB", "uk")] == \
        ["Französisch", "Englisch", "Ukrainisch"]
    assert Translator("fr").language_name("de") == "allemand"
    assert Translator("en").language_name("xx") == "xx"


def test_grade_meanings_in_english_french_and_german():
    grade = Grade.parse("B2")
    assert grade_meaning(Translator("en"), grade) == \
        "source: usually reliable; information: probably true"
    assert grade_meaning(Translator("fr"), grade) == \
        "source : habituellement fiable ; information : probablement vraie"
    assert grade_meaning(Translator("de"), Grade.parse("F6")) == \
        "Quelle: Zuverlässigkeit nicht beurteilbar; Information: Wahrheitsgehalt nicht beurteilbar"
    assert grade_meaning(Translator("it"), grade) == grade_meaning(Translator("en"), grade)
    en = scale(Translator("en"))
    assert [letter for letter, _ in en["reliability"]] == list("ABCDEF")
    assert [digit for digit, _ in en["credibility"]] == list("123456")
    assert en["reliability"][0] == ("A", "completely reliable")


# -- a language file's mistakes ------------------------------------------------------------------

@pytest.mark.parametrize(("code", "text", "message"), [
    ("zz", "labels: {}\n", "i18n/zz.yml: 'zz' is not a language code CLDR knows"),
    ("de", "labels: {on: an}\n", "i18n/de.yml: the key True is not a word; put it in quotes"),
    ("de", "labels: {a: [x]}\n", "i18n/de.yml: 'a' is ['x']; write a text in quotes"),
    ("de", "labels: {a: {one: x}}\n", "i18n/de.yml: 'a' needs the plural form 'other'"),
    ("de", "labels: {a: {few: x, other: y}}\n",
     "i18n/de.yml: 'a' has the plural forms ['few'], which this language does not use; use "
     "['one', 'other']"),
    ("de", "texts: {}\n", "i18n/de.yml: write the texts under a 'labels:' mapping"),
    ("de", "labels: {}\nmonths: []\n", "i18n/de.yml: unknown section ['months']"),
    ("de", "labels: {}\ndate_formats: {week: w}\n",
     "i18n/de.yml: 'date_formats' has 'week'; use ['day', 'first_of_month', 'month', 'year']"),
    ("de", "labels: {}\ndate_formats: {day: QQQQQQ}\n",
     "i18n/de.yml: 'date_formats.day' is not a CLDR pattern"),
    ("de", "labels: [\n", "i18n/de.yml: not valid YAML"),
])
def test_a_broken_language_file_names_the_file_the_key_and_the_fix(code, text, message):
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(code, text, f"i18n/{code}.yml")
    assert str(caught.value).startswith(message)


def test_the_shipped_files_are_read_from_the_package():
    files = catalogue_module._files()
    assert sorted(files) == list(languages())
    assert all(entry.name == f"{code}.yml" for code, entry in files.items())


def test_a_template_override_asking_for_an_unknown_label_names_its_file_and_line(tmp_path,
                                                                                  caplog):
    files = {"briefs/a.md": "---\ntitle: A\ndate: '2025'\n---\nText.\n"}
    config = ("site_name: Custom\ntheme:\n  name: material\n  custom_dir: overrides\n"
              "plugins:\n  - briefbook\n")
    project = make_project(tmp_path, files, mkdocs_yml=config)
    override = "<header>\n<h1>{{ brief.title }}</h1>\n{{ t('publisher') }}\n</header>\n"
    write_files(project, {"overrides/briefbook/brief_header.html": override})
    with pytest.raises(Abort):
        build_project(project)
    assert ("overrides/briefbook/brief_header.html:3: error: template briefbook/brief_header.html "
            "cannot be rendered: no label 'publisher' in Briefbook's catalogue (did you mean "
            "'published'?); fix this template override") in caplog.text
    assert "Traceback" not in caplog.text
