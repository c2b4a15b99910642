"""The translation catalogue: one data file per language, ``i18n/<code>.yml``, read once.

A file holds ``labels`` (key → text; a text that depends on a number is a mapping of CLDR plural
categories, ``other`` required) and, optionally, ``date_formats`` (CLDR patterns per precision of
a date; Babel's CLDR data supplies what a file leaves out). Adding a language is adding a file:
nothing in the code names the languages. A file that breaks these rules raises
:class:`CatalogueError` naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import parse_pattern

#: The language every other one falls back to, key by key.
FALLBACK: Final = "en"
#: The precisions of a date a file may give a CLDR pattern for (``first_of_month``: the first
#: day of a month, where a language writes it apart, as French "1er").
DATE_FORMAT_NAMES: Final = frozenset({"year", "month", "day", "first_of_month"})

#: A text that depends on a number: CLDR plural category (``one``, ``few``, ``other``…) → text.
PluralText = Mapping[str, str]
Label = str | PluralText


class CatalogueError(ValueError):
    """A language file that cannot be used; the message names the file, the key and the fix."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One language's texts, as its file gives them (no fallback filled in)."""

    language: str
    labels: Mapping[str, Label]
    date_formats: Mapping[str, str]
    plural_categories: frozenset[str]


def base_language(language: str) -> str:
    """The language part of a code: ``fr`` for ``fr-CA`` or ``fr_CA``; ``en`` when empty."""
    return (language or FALLBACK).replace("_", "-").split("-")[0].lower()


def _files() -> dict[str, Traversable]:
    folder = resources.files("briefbook.i18n")
    return {entry.name[:-4]: entry for entry in folder.iterdir()
            if entry.name.endswith(".yml") and entry.is_file()}


@cache
def languages() -> tuple[str, ...]:
    """The codes of the languages Briefbook has a file for, sorted."""
    return tuple(sorted(_files()))


@cache
def catalogue(language: str) -> Catalogue | None:
    """The catalogue of a language code (``fr-CA`` reads ``fr.yml``); None without a file."""
    code = base_language(language)
    entry = _files().get(code)
    if entry is None:
        return None
    return parse_catalogue(code, entry.read_text(encoding="utf-8"), f"i18n/{code}.yml")


def parse_catalogue(code: str, text: str, name: str) -> Catalogue:
    """Read and check one language file's text (``name`` is how messages call the file)."""
    try:
        locale = Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        raise CatalogueError(f"{name}: '{code}' is not a language code CLDR knows; name the "
                             "file after the code MkDocs's theme.language uses (de, fr)") from None
    categories = frozenset(locale.plural_form.tags) | {"other"}
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{name}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise CatalogueError(f"{name}: write the texts under a 'labels:' mapping")
    unknown = set(data) - {"labels", "date_formats"}
    if unknown:
        raise CatalogueError(f"{name}: unknown section {sorted(map(str, unknown))}; a file has "
                             "'labels' and, optionally, 'date_formats'")
    labels = {_key(name, key): _label(name, key, value, categories)
              for key, value in data["labels"].items()}
    return Catalogue(code, labels, _date_formats(name, data.get("date_formats") or {}),
                     categories)


def _key(name: str, key: object) -> str:
    if not isinstance(key, str):
        # YAML reads a bare on, off, yes or no as true or false
        raise CatalogueError(f"{name}: the key {key!r} is not a word; put it in quotes")
    return key


def _label(name: str, key: str, value: object, categories: frozenset[str]) -> Label:
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        raise CatalogueError(f"{name}: '{key}' is {value!r}; write a text in quotes")
    texts = {_key(name, category): text for category, text in value.items()}
    wrong = sorted(set(texts) - categories)
    if wrong:
        raise CatalogueError(f"{name}: '{key}' has the plural forms {wrong}, which this "
                             f"language does not use; use {sorted(categories)}")
    if "other" not in texts:
        raise CatalogueError(f"{name}: '{key}' needs the plural form 'other'")
    for category, text in texts.items():
        if not isinstance(text, str):
            raise CatalogueError(f"{name}: '{key}.{category}' is {text!r}; write a text in "
                                 "quotes")
    return texts


def _date_formats(name: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise CatalogueError(f"{name}: 'date_formats' must be a mapping of "
                             f"{sorted(DATE_FORMAT_NAMES)} to CLDR patterns")
    formats = {_key(name, key): pattern for key, pattern in value.items()}
    for key, pattern in formats.items():
        if key not in DATE_FORMAT_NAMES:
            raise CatalogueError(f"{name}: 'date_formats' has '{key}'; use "
                                 f"{sorted(DATE_FORMAT_NAMES)}")
        if not isinstance(pattern, str):
            raise CatalogueError(f"{name}: 'date_formats.{key}' is {pattern!r}; write a CLDR "
                                 "pattern in quotes, e.g. 'd MMMM y'")
        try:
            parse_pattern(pattern)
        except ValueError as exc:
            raise CatalogueError(f"{name}: 'date_formats.{key}' is not a CLDR pattern: "
                                 f"{exc}") from None
    return formats
