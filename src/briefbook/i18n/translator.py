"""``t(key)`` for one site language: the language's own text, else English's.

A key no language has is a programming error (or a typo in a site's template override): it raises
:class:`LabelError` with a "did you mean", never prints the key on a page.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from enum import Enum
from functools import cache

from babel import Locale

from briefbook.i18n.catalogue import FALLBACK, Catalogue, Label, base_language, catalogue
from briefbook.i18n.key_tables import label_key


class LabelError(LookupError):
    """A label asked for that the catalogue does not have, or asked for the wrong way."""

    def __str__(self) -> str:
        return str(self.args[0])


def english() -> Catalogue:
    """The English catalogue, which every language falls back to."""
    found = catalogue(FALLBACK)
    if found is None:  # pragma: no cover - the package ships en.yml
        raise LabelError(f"briefbook's i18n/{FALLBACK}.yml is missing: reinstall briefbook")
    return found


class Translator:
    """The labels of one site language; a key the language lacks comes from English."""

    def __init__(self, language: str = FALLBACK) -> None:
        self.language = base_language(language)
        own = catalogue(self.language)
        #: Whether Briefbook has a file for this language (else every label is English).
        self.has_labels = own is not None
        #: The catalogue in use: the language's own, or English's.
        self.catalogue = own or english()
        self.labels: Mapping[str, Label] = {**english().labels, **self.catalogue.labels}
        self.locale = Locale.parse(self.catalogue.language)
        self._plural_category: dict[int, str] = {}

    def __call__(self, key: str, **values: object) -> str:
        text = self.labels.get(key)
        if type(text) is not str:
            raise self._error(key, text, plural=False)
        return text.format(**values) if values else text

    def plural(self, key: str, count: int, **values: object) -> str:
        """``key`` with ``{count}`` filled in, in the form the language's CLDR plural rules
        choose for ``count`` (``other`` where the file gives no text for that form)."""
        return self.plural_pattern(key, count).format(count=count, **values)

    def plural_pattern(self, key: str, count: int) -> str:
        """The text of ``key`` for ``count``, placeholders left in (for a page's scripts)."""
        texts = self.labels.get(key)
        if texts is None or isinstance(texts, str):
            raise self._error(key, texts, plural=True)
        category = self._plural_category.get(count)
        if category is None:
            category = self._plural_category[count] = self.locale.plural_form(count)
        return texts.get(category) or texts["other"]

    def label(self, value: Enum) -> str:
        """The everyday name of an enum member (a stance, a status, a kind of actor)."""
        return self(label_key(value))

    def language_name(self, code: str) -> str:
        """The name of a language in this one (CLDR's), or the code when CLDR has none."""
        return str(self.locale.languages.get(base_language(code), code))

    def _error(self, key: str, found: Label | None, plural: bool) -> LabelError:
        if found is None:
            close = difflib.get_close_matches(key, list(self.labels), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            return LabelError(f"no label '{key}' in Briefbook's catalogue{hint}")
        if plural:
            return LabelError(f"the label '{key}' does not depend on a number: use t('{key}')")
        return LabelError(f"the label '{key}' depends on a number: use tn('{key}', count)")


@cache
def translator(language: str) -> Translator:
    """The translator of a language, made once."""
    return Translator(language)
