"""The publication date of pasted text, read from its dateline ("Published 4 March 2025").

Web pages are dated by htmldate (through trafilatura). Pasted text has no metadata, only the
publication stamp that debris cleaning removes; htmldate reads such a line in English, French and
German but gives ``2025-01-01`` for "Publicado el 4 de marzo de 2025", so the stamp is read here,
in English, French, German, Spanish and Italian. Only a *publication* stamp counts: "Updated …"
and « Mis à jour … » give the day a text changed, not the day it appeared.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "january janvier januar jänner enero gennaio jan janv",
    "february février fevrier februar febrero febbraio feb févr fevr",
    "march mars märz marz marzo mar",
    "april avril abril aprile apr avr",
    "may mai mayo maggio",
    "june juin juni junio giugno jun",
    "july juillet juli julio luglio jul juil",
    "august août aout agosto aug",
    "september septembre septiembre settembre sep sept",
    "october octobre oktober octubre ottobre oct okt",
    "november novembre noviembre nov",
    "december décembre decembre dezember diciembre dicembre dec déc dez",
), start=1):
    for _name in _names.split():
        MONTHS[_name] = _number

_PUBLISHED_RE = re.compile(
    r"^\W*(?:published|posted|first published|publié|publiée|paru|veröffentlicht|"
    r"erschienen|publicado|publicada|pubblicato|pubblicata)\b", re.IGNORECASE)
_MONTH = r"([^\W\d_]{3,10})\.?"
_DAY_FIRST_RE = re.compile(
    rf"\b(\d{{1,2}})(?:er|\.|º)?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(\d{{4}})\b")
_MONTH_FIRST_RE = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_ISO_RE = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b")
_NUMERIC_RE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")  # day first, as in Europe


def _day(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def stamp_date(line: str) -> str:
    """``YYYY-MM-DD`` of a publication stamp such as « Publié le 14 mai 2025 », else ``""``."""
    if not _PUBLISHED_RE.match(line):
        return ""
    text = line.casefold()
    if match := _ISO_RE.search(text):
        return _day(int(match[1]), int(match[2]), int(match[3]))
    if (match := _DAY_FIRST_RE.search(text)) and match[2] in MONTHS:
        return _day(int(match[3]), MONTHS[match[2]], int(match[1]))
    if (match := _MONTH_FIRST_RE.search(text)) and match[1] in MONTHS:
        return _day(int(match[3]), MONTHS[match[1]], int(match[2]))
    if match := _NUMERIC_RE.search(text):
        return _day(int(match[3]), int(match[2]), int(match[1]))
    return ""


def publication_date(removed: list[tuple[str, str]]) -> str:
    """The date of the first publication stamp among the lines debris cleaning removed."""
    for rule, line in removed:
        if rule == "dateline" and (date := stamp_date(line)):
            return date
    return ""
