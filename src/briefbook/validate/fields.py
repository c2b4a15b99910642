"""Turn loaded files into a :class:`Dossier`, collecting every problem as a diagnostic.

Validation never raises on a user's mistake. A file whose problems leave it unusable (no title,
no date, broken YAML) is left out of the model, and always named by an error.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar, overload

from briefbook.load.files import FileKind, RawFile
from briefbook.model.audience import NO_VALUE, AudienceMark
from briefbook.model.dates import DateError, FuzzyDate
from briefbook.model.diagnostics import Diagnostics, Location, did_you_mean, printable
from briefbook.model.dossier import (
    Actor,
    ActorKind,
    Brief,
    Dossier,
    Event,
    Position,
    Question,
    QuestionEntry,
    QuestionStatus,
    Source,
    Stance,
    Topic,
)
from briefbook.model.grading import Grade, GradeError, SourceKind
from briefbook.model.html_scan import crowded_paragraphs, remote_resources, unclosed_elements
from briefbook.model.values import (
    CONTROL_RE,
    invisible_characters,
    is_slug,
    is_web_address,
    is_wikidata_id,
    mixed_script_word,
    nfc,
    slugify,
    web_address_hint,
    without_controls,
)
from briefbook.validate.body_links import check_body_links, check_page_links
from briefbook.validate.corroboration import build_records
from briefbook.validate.hypotheses import check_question, entry_evidence, entry_hypotheses

LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
RESERVED_IDS = frozenset({"index", "page"})
# Names Windows keeps for devices, with or without an extension: a dossier holding one cannot
# be checked out there, nor a site with such a folder unpacked.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{dev}{n}" for dev in ("com", "lpt") for n in range(1, 10)}
)

BRIEF_FIELDS = (
    "title", "date", "summary", "source", "actors", "topics", "tags", "positions", "events",
    "questions", "slug", "sanitize", "date_unknown", "audience",
)
SOURCE_FIELDS = (
    "publisher", "title", "url", "language", "translated_from", "authors", "credits", "kind",
    "grade", "retrieved",
)
POSITION_FIELDS = (
    "actor", "topic", "stance", "summary", "quote", "date", "id", "disputed", "audience",
)
EVENT_FIELDS = ("date", "end", "title", "actors", "place", "id", "disputed", "audience")
QUESTION_FIELDS = (
    "id", "text", "status", "actors", "topics", "answer", "hypotheses", "evidence", "review_by",
    "audience",
)
ACTOR_FIELDS = (
    "name", "kind", "aliases", "role", "country", "affiliations", "wikidata", "external_ids",
    "audience",
)
TOPIC_FIELDS = ("title", "summary", "audience")

_MISSING = object()
YAML_BOOLEAN_HINT = ("YAML reads yes/no/on/off/true/false as true/false: put the value in "
                     "quotes")


_Choice = TypeVar("_Choice", bound=StrEnum)


def _choices(enum: Iterable[StrEnum]) -> str:
    return " | ".join(member.value for member in enum)


@dataclass
class _Reader:
    """Typed access to one mapping in a file's front-matter, reporting what is wrong."""

    raw: RawFile
    diags: Diagnostics
    data: dict[str, Any]
    path: tuple[str | int, ...] = ()

    def loc(self, *keys: str | int) -> Location:
        return self.raw.loc(*self.path, *keys)

    def where(self, key: str) -> str:
        """A readable field path such as ``positions[0].stance``."""
        text = ""
        for part in (*self.path, key):
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text

    def check_fields(self, allowed: tuple[str, ...]) -> None:
        """Warn about each field that is not ``allowed``; an error for one that would mark an
        audience if it were spelt right, or a YAML merge key: ignoring those could publish what
        its author meant to restrict, so they fail closed."""
        for key in self.data:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                if key == "<<":
                    self.diags.error(
                        self.raw.key_loc(*self.path, key),
                        f"'{self.where(key)}': YAML merge keys ('<<') are not read; write the "
                        "fields out in full", "merge-key")
                    continue
                if _looks_like_audience(str(key)):
                    where = ("this entry's 'audience'" if "audience" in allowed else
                             "the 'audience' of the entry or brief that holds it")
                    self.diags.error(
                        self.raw.key_loc(*self.path, key),
                        f"unknown field '{self.where(key)}'{hint}; ignoring it would publish "
                        f"this for every audience, so it is an error: mark {where} instead",
                        "unknown-audience-field")
                    continue
                self.diags.warning(
                    self.raw.key_loc(*self.path, key),
                    f"unknown field '{self.where(key)}'{hint}; it is ignored",
                    "unknown-field",
                )

    def get(self, key: str) -> Any:
        return self.data.get(key, _MISSING)

    def as_written(self, value: Any, *keys: str | int) -> str:
        """A plain value as text, as the user wrote it: ``1:20`` stays ``1:20`` (YAML 1.1
        reads it as 80), ``0x1F`` stays ``0x1F``. Control characters are reported and removed."""
        text = self.raw.written.get((*self.path, *keys)) if not isinstance(value, str) else None
        text = str(value) if text is None else text
        match = CONTROL_RE.search(text)
        if match:
            where = self.where(str(keys[0])) + "".join(f"[{k}]" for k in keys[1:])
            self.diags.error(
                self.loc(*keys),
                f"'{where}' contains the invisible control character U+{ord(match.group()):04X}"
                " (written as a YAML escape such as \\x01?); delete it",
                "control-character",
            )
            text = without_controls(text)
        return text

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.get(key)
        if value is _MISSING or value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.diags.error(
                    self.loc(), f"missing required field '{self.where(key)}'", "missing-field"
                )
            return None
        if isinstance(value, bool):
            self.diags.error(
                self.loc(key), f"'{self.where(key)}' must be text, found true/false; "
                f"{YAML_BOOLEAN_HINT}", "type"
            )
            return None
        if isinstance(value, (dict, list)):
            kind = "a mapping" if isinstance(value, dict) else "a list"
            self.diags.error(
                self.loc(key), f"'{self.where(key)}' must be text, found {kind}", "type"
            )
            return None
        return self._stripped(self.as_written(value, key), key)

    def _stripped(self, written: str, key: str, index: int | None = None) -> str:
        """The value without its surrounding space; a warning when that removes more than
        spaces, tabs and line breaks (a non-breaking space pasted from a web page), since the
        value then changes."""
        plain = written.strip(" \t\r\n")
        edges = plain[:1] + plain[-1:]
        odd = next((ch for ch in edges if ch.isspace()), None)
        if odd is not None:
            where = self.where(key) + ("" if index is None else f"[{index}]")
            self.diags.warning(
                self.loc(key) if index is None else self.loc(key, index),
                f"'{where}' starts or ends with an invisible space (U+{ord(odd):04X}), "
                "which Briefbook drops; delete it from the file",
                "invisible-space",
            )
        return written.strip()

    def date(self, key: str, required: bool = False) -> FuzzyDate | None:
        value = self.get(key)
        if value is _MISSING or value is None:
            if required:
                self.diags.error(
                    self.loc(),
                    f"missing required field '{self.where(key)}' (YYYY, YYYY-MM or YYYY-MM-DD)",
                    "missing-field",
                )
            return None
        if isinstance(value, (dict, list, bool)):
            self.diags.error(
                self.loc(key), f"'{self.where(key)}' must be a date like 2025-04-10", "type"
            )
            return None
        try:
            return FuzzyDate.parse(self.as_written(value, key))
        except DateError as exc:
            self.diags.error(self.loc(key), f"'{self.where(key)}': {exc}", "bad-date")
            return None

    @overload
    def choice(
        self, key: str, enum: type[_Choice], default: _Choice, required: bool = False
    ) -> _Choice: ...

    @overload
    def choice(
        self, key: str, enum: type[_Choice], default: None = None, required: bool = False
    ) -> _Choice | None: ...

    def choice(
        self, key: str, enum: type[_Choice], default: _Choice | None = None,
        required: bool = False,
    ) -> _Choice | None:
        value = self.text(key, required=required)
        if value is None:
            return default
        try:
            return enum(value.lower())
        except ValueError:
            names = [m.value for m in enum]
            hint = did_you_mean(value, names)
            self.diags.error(
                self.loc(key),
                f"'{self.where(key)}' is '{value}'{hint}; use one of: {_choices(enum)}",
                "bad-choice",
            )
            return default

    def text_list(self, key: str) -> list[tuple[str, Location]]:
        """A list of texts; a single text is accepted as a list of one."""
        value = self.get(key)
        if value is _MISSING or value is None:
            return []
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return [(self._stripped(self.as_written(value, key), key), self.loc(key))]
        if not isinstance(value, list):
            self.diags.error(
                self.loc(key), f"'{self.where(key)}' must be a list, like [a, b]", "type"
            )
            return []
        items = []
        for i, item in enumerate(value):
            if isinstance(item, (dict, list)) or item is None or isinstance(item, bool):
                hint = f"; {YAML_BOOLEAN_HINT}" if isinstance(item, bool) else ""
                self.diags.error(
                    self.loc(key, i), f"'{self.where(key)}[{i}]' must be a plain value{hint}",
                    "type",
                )
                continue
            written = self.as_written(item, key, i)
            items.append((self._stripped(written, key, i), self.loc(key, i)))
        return items

    def mappings(self, key: str) -> list[_Reader]:
        """A list of mappings (positions, events, questions)."""
        value = self.get(key)
        if value is _MISSING or value is None:
            return []
        if not isinstance(value, list):
            self.diags.error(
                self.loc(key), f"'{self.where(key)}' must be a list of entries, each "
                "starting with '- '", "type",
            )
            return []
        readers = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.diags.error(
                    self.loc(key, i),
                    f"'{self.where(key)}[{i}]' must be a mapping of fields ('field: value')",
                    "type",
                )
                continue
            readers.append(_Reader(self.raw, self.diags, item, (*self.path, key, i)))
        return readers

    def sub(self, key: str) -> _Reader | None:
        value = self.get(key)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, dict):
            self.diags.error(
                self.loc(key), f"'{self.where(key)}' must be a mapping of fields", "type"
            )
            return None
        return _Reader(self.raw, self.diags, value, (*self.path, key))


class _Refs:
    """Known ids, for reference checks with 'did you mean' hints."""

    def __init__(
        self, kind: str, ids: Iterable[str], names: dict[str, str],
        broken: Iterable[str] = (),
    ) -> None:
        self.kind = kind
        self.ids = set(ids)
        self.names = names
        # files of this kind whose own errors keep them out of the dossier: a reference to
        # one is not reported again (the file's error says what to fix), only left out
        self.broken = set(broken)

    def check(
        self, diags: Diagnostics, items: list[tuple[str, Location]], field: str
    ) -> tuple[str, ...]:
        found: list[str] = []
        for value, loc in items:
            value = nfc(value)
            if value in self.ids:
                if value not in found:
                    found.append(value)
                continue
            if value in self.broken:
                continue
            hint = did_you_mean(value, self.ids, self.names)
            diags.error(
                loc,
                f"unknown {self.kind} '{value}' in '{field}'{hint}; "
                f"ids are file names under {self.kind}s/",
                f"unknown-{self.kind}",
            )
        return tuple(found)


def validate(files: Iterable[RawFile]) -> tuple[Dossier, Diagnostics]:
    """Validate every loaded file into one :class:`Dossier` and the list of all problems."""
    diags = Diagnostics()
    by_kind: dict[FileKind, list[RawFile]] = defaultdict(list)
    for raw in files:
        diags.extend(raw.diagnostics)
        by_kind[raw.kind].append(raw)

    actors: dict[str, Actor] = {}
    topics: dict[str, Topic] = {}
    seen_ids: dict[tuple[FileKind, str], RawFile] = {}
    affiliation_locs: dict[str, dict[str, Location]] = {}
    name_locs: dict[str, dict[str, Location]] = {}  # actor id → casefolded name → where
    broken_actors: set[str] = set()
    broken_topics: set[str] = set()

    for raw in by_kind[FileKind.ACTOR]:
        if _claim_id(raw, raw.stem, seen_ids, diags):
            actor = (_actor(raw, diags, affiliation_locs, name_locs)
                     if raw.data is not None else None)
            if actor:
                actors[actor.id] = actor
            else:
                broken_actors.add(raw.stem)
    for raw in by_kind[FileKind.TOPIC]:
        if _claim_id(raw, raw.stem, seen_ids, diags):
            topic = _topic(raw, diags) if raw.data is not None else None
            if topic:
                topics[topic.id] = topic
            else:
                broken_topics.add(raw.stem)

    actor_refs = _Refs("actor", actors, _actor_names(actors.values()), broken_actors)
    topic_refs = _Refs("topic", topics, {t.title.casefold(): t.id for t in topics.values()},
                       broken_topics)
    _check_unplaced_affiliations(broken_actors, actor_refs, diags, affiliation_locs)
    actors = _check_actors(actors, actor_refs, diags, affiliation_locs, name_locs)

    briefs: list[Brief] = []
    raised_by_left_out: set[str] = set()  # questions raised by briefs left out for errors
    for raw in by_kind[FileKind.BRIEF]:
        if raw.data is None:
            continue
        brief = _brief(raw, diags, actor_refs, topic_refs, seen_ids)
        if brief:
            briefs.append(brief)
        else:
            raised_by_left_out.update(_raised_questions(raw.data))
    briefs.sort(key=lambda b: (b.date.sort_key, b.id), reverse=True)
    _check_profile_links(by_kind, briefs, actors, topics, diags)
    event_records, position_records = build_records(briefs, diags)
    dossier = Dossier(
        briefs={b.id: b for b in briefs},
        actors=actors,
        topics=topics,
        questions=_questions(briefs, diags, raised_by_left_out),
        event_records=event_records,
        position_records=position_records,
    )
    return dossier, diags


SECTIONS = ("briefs", "actors", "topics", "timeline", "questions", "positions", "changes")


def _check_profile_links(
    by_kind: dict[FileKind, list[RawFile]], briefs: list[Brief], actors: dict[str, Actor],
    topics: dict[str, Topic], diags: Diagnostics,
) -> None:
    """The links of actors' and topics' texts, against the pages the site will have."""
    pages = {f"briefs/{b.id}.md" for b in briefs} | {f"actors/{a}.md" for a in actors}
    pages |= {f"topics/{t}.md" for t in topics} | {f"{s}/index.md" for s in SECTIONS}
    for kind, folder in ((FileKind.ACTOR, "actors"), (FileKind.TOPIC, "topics")):
        for raw in by_kind[kind]:
            if raw.body.strip():
                check_page_links(raw.display, raw.body, raw.body_line,
                                 f"{folder}/{raw.stem}.md", pages, diags)


def _claim_id(
    raw: RawFile, ident: str, seen: dict[tuple[FileKind, str], RawFile], diags: Diagnostics
) -> bool:
    """Check that ``ident`` is a safe slug, unique (also ignoring case) among its kind."""
    if not is_slug(ident):
        diags.error(
            raw.loc("slug") if raw.data and "slug" in raw.data else Location(raw.display, 1, 1),
            f"'{ident}' is not a valid {raw.kind.value} id: use lowercase letters, digits and "
            f"hyphens, e.g. '{slugify(ident)}'",
            "bad-id",
        )
        return False
    if ident in WINDOWS_RESERVED:
        diags.error(
            raw.loc("slug") if raw.data and "slug" in raw.data else Location(raw.display, 1, 1),
            f"'{ident}' cannot be an id: Windows reserves the name {ident.upper()} for a device, "
            f"so the dossier could not be checked out there; rename it, e.g. '{ident}-1'",
            "reserved-id",
        )
        return False
    if ident in RESERVED_IDS:
        diags.error(
            Location(raw.display, 1, 1),
            f"'{ident}' is reserved for the site's own pages; rename the file",
            "reserved-id",
        )
        return False
    key = (raw.kind, ident.lower())
    other = seen.get(key)
    if other is not None:
        diags.error(
            Location(raw.display, 1, 1),
            f"duplicate {raw.kind.value} id '{ident}': {other.display} has the same id; "
            "rename one of the files",
            "duplicate-id",
        )
        return False
    seen[key] = raw
    return True


def _actor_names(actors: Iterable[Actor]) -> dict[str, str]:
    names: dict[str, str] = {}
    for actor in actors:
        for name in actor.names:
            names.setdefault(name.casefold(), actor.id)
    return names


#: Codes often written for a country that ISO 3166 gives another code.
COUNTRY_CODE_MIX_UPS = {"UK": "GB", "EL": "GR", "SP": "ES", "EN": "GB"}


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, from CLDR's territories (Babel); also EU and XK, which CLDR
    lists and dossiers use."""
    from babel import Locale

    return frozenset(code for code in Locale("en").territories
                     if isinstance(code, str) and len(code) == 2 and code.isalpha())


def _actor(
    raw: RawFile,
    diags: Diagnostics,
    affiliation_locs: dict[str, dict[str, Location]],
    name_locs: dict[str, dict[str, Location]],
) -> Actor | None:
    r = _Reader(raw, diags, raw.data or {})
    r.check_fields(ACTOR_FIELDS)
    name = r.text("name", required=True)
    if name:
        name = _checked_name(r, nfc(name), r.loc("name"), "name")
    kind = r.choice("kind", ActorKind, required=True)
    written = [(_checked_name(r, nfc(a), loc, "alias"), loc)
               for a, loc in r.text_list("aliases") if a]
    aliases = tuple(dict.fromkeys(alias for alias, _ in written))
    name_locs[raw.stem] = {alias.casefold(): loc for alias, loc in reversed(written)}
    if name:
        name_locs[raw.stem][name.casefold()] = r.loc("name")
    external: dict[str, str] = {}
    wikidata = _wikidata_id(r, "wikidata")
    if wikidata:
        external["wikidata"] = wikidata
    ext = r.sub("external_ids")
    if ext:
        for key in ext.data:
            value = _wikidata_id(ext, key) if key == "wikidata" else ext.text(key)
            if value:
                external[key] = value
    country = r.text("country") or ""
    if country and not re.fullmatch(r"[A-Za-z]{2}", country):
        diags.warning(r.loc("country"), f"'country' is '{country}'; use a two-letter ISO 3166 "
                      "code such as FR", "bad-country")
    elif country and country.upper() not in country_codes():
        hint = COUNTRY_CODE_MIX_UPS.get(country.upper())
        diags.warning(r.loc("country"), f"'country' is '{country}', which is not an ISO 3166 "
                      "country code" + (f" (did you mean '{hint}'?)" if hint else
                                        "; use a code such as FR"), "bad-country")
    affiliations = r.text_list("affiliations")
    affiliation_locs[raw.stem] = {aff: loc for aff, loc in reversed(affiliations)}
    if not name or kind is None:
        return None
    check_body_html(raw, diags)
    return Actor(
        id=raw.stem,
        name=name,
        kind=kind,
        location=Location(raw.display, 1, 1),
        body=raw.body,
        aliases=aliases,
        role=r.text("role") or "",
        country=country.upper(),
        affiliations=tuple(a for a, _ in affiliations),
        external_ids=external,
        audience=_audience(r),
    )


def _check_unplaced_affiliations(
    unplaced: set[str], refs: _Refs, diags: Diagnostics,
    affiliation_locs: dict[str, dict[str, Location]],
) -> None:
    """An actor file left out for its own errors still has its affiliations checked, so that
    one run reports all its mistakes."""
    for stem in sorted(unplaced):
        for aff, loc in affiliation_locs.get(stem, {}).items():
            if aff != stem and aff not in refs.ids and aff not in refs.broken:
                hint = did_you_mean(aff, refs.ids, refs.names)
                diags.error(loc, f"unknown actor '{aff}' in 'affiliations'{hint}; ids are file "
                            "names under actors/", "unknown-actor")


def _checked_name(r: _Reader, name: str, loc: Location, what: str) -> str:
    """A name or alias, with a warning when it holds invisible or bidi control characters
    (zero-width space, right-to-left override) or mixes look-alike scripts in one word."""
    hidden = invisible_characters(name)
    if hidden:
        codes = ", ".join(f"U+{ord(ch):04X}" for ch in hidden)
        r.diags.warning(loc, f"the {what} '{name}' holds the invisible character {codes}; "
                        "delete it (retype the name if you cannot see it)", "invisible-character")
    mixed = mixed_script_word(name)
    if mixed:
        word, scripts = mixed
        r.diags.warning(loc, f"the {what} '{name}' mixes {' and '.join(s.title() for s in scripts)}"
                        f" letters in '{word}', which look alike; retype it in one script",
                        "mixed-scripts")
    return name


def _wikidata_id(r: _Reader, key: str) -> str | None:
    """A Wikidata id (``Q`` and digits), in ``wikidata:`` or ``external_ids.wikidata``: the
    one external id a link is made from, so nothing else may reach that link's path."""
    value = r.text(key)
    if not value:
        return None
    if is_wikidata_id(value):
        return value
    r.diags.error(r.loc(key), f"'{r.where(key)}' is '{printable(value[:60])}'; use a Q-id like "
                  "Q7184", "bad-id")
    return None


def _topic(raw: RawFile, diags: Diagnostics) -> Topic | None:
    r = _Reader(raw, diags, raw.data or {})
    r.check_fields(TOPIC_FIELDS)
    title = r.text("title", required=True)
    if not title:
        return None
    title = _checked_name(r, nfc(title), r.loc("title"), "title")
    check_body_html(raw, diags)
    return Topic(
        id=raw.stem,
        title=title,
        location=Location(raw.display, 1, 1),
        summary=r.text("summary") or "",
        body=raw.body,
        audience=_audience(r),
    )


def _check_actors(
    actors: dict[str, Actor],
    refs: _Refs,
    diags: Diagnostics,
    affiliation_locs: dict[str, dict[str, Location]],
    name_locs: dict[str, dict[str, Location]],
) -> dict[str, Actor]:
    """Affiliations exist and form no cycle; no name or alias belongs to two actors (each
    told at the line of that name).

    Returns the actors with their unusable affiliations left out (each one reported).
    """
    raws: dict[str, Actor] = {}
    for actor in actors.values():
        locs = affiliation_locs.get(actor.id, {})
        valid = []
        for aff in actor.affiliations:
            loc = locs.get(aff, actor.location)
            if aff == actor.id:
                diags.error(loc, f"actor '{actor.id}' lists itself in 'affiliations'; remove it",
                            "self-ref")
            elif aff not in refs.ids:
                hint = did_you_mean(aff, refs.ids, refs.names)
                diags.error(loc, f"unknown actor '{aff}' in 'affiliations'{hint}; ids are file "
                            "names under actors/", "unknown-actor")
            else:
                valid.append(aff)
        raws[actor.id] = replace(actor, affiliations=tuple(valid))
    for actor in raws.values():
        cycle = _find_cycle(actor.id, raws)
        if cycle and cycle[0] == min(cycle[:-1]):
            diags.error(
                affiliation_locs.get(actor.id, {}).get(cycle[1], actor.location),
                "affiliations form a cycle: " + " → ".join(cycle) + "; an actor cannot be, "
                "through others, a member of itself",
                "cycle",
            )
    owners: dict[str, list[Actor]] = defaultdict(list)
    for actor in raws.values():
        for name in dict.fromkeys(n.casefold() for n in actor.names):
            owners[name].append(actor)
    for name, sharing in owners.items():
        if len(sharing) > 1:
            ids = ", ".join(a.id for a in sharing)
            for actor in sharing:
                diags.warning(
                    name_locs.get(actor.id, {}).get(name, actor.location),
                    f"the name or alias '{name}' belongs to several actors ({ids}); "
                    "it will not be linked in brief texts until it belongs to one",
                    "shared-alias",
                )
    return raws


def _find_cycle(start: str, actors: dict[str, Actor]) -> list[str] | None:
    """A path start → … → start through affiliations, if there is one."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for aff in actors[node].affiliations if node in actors else ():
            if aff == start:
                return [*path, start]
            if aff not in seen:
                seen.add(aff)
                stack.append((aff, [*path, aff]))
    return None


def _brief(
    raw: RawFile,
    diags: Diagnostics,
    actor_refs: _Refs,
    topic_refs: _Refs,
    seen: dict[tuple[FileKind, str], RawFile],
) -> Brief | None:
    r = _Reader(raw, diags, raw.data or {})
    r.check_fields(BRIEF_FIELDS)
    ident = r.text("slug") or raw.stem
    title = r.text("title", required=True)
    date = r.date("date", required=True)
    id_ok = _claim_id(raw, ident, seen, diags)
    source = _source(r)
    sanitize = r.get("sanitize")
    if sanitize is not _MISSING and not isinstance(sanitize, bool):
        diags.error(r.loc("sanitize"), "'sanitize' must be true or false", "type")
        sanitize = None
    date_unknown = _date_unknown(r, date, source)
    actors = actor_refs.check(diags, r.text_list("actors"), "actors")
    topics = topic_refs.check(diags, r.text_list("topics"), "topics")
    tags = tuple(dict.fromkeys(_tags(r)))
    placed = bool(title and date and id_ok)
    if sanitize is not True:
        check_body_html(raw, diags)
    brief = Brief(
        id=ident,
        title=title or ident,
        date=date or FuzzyDate(1),
        body=raw.body,
        body_line=raw.body_line,
        location=Location(raw.display, 1, 1),
        summary=r.text("summary") or "",
        source=source,
        actors=actors,
        topics=topics,
        tags=tags,
        sanitize=sanitize if isinstance(sanitize, bool) else None,
        date_unknown=date_unknown,
        audience=_audience(r),
    )
    positions = [_position(p, brief, actor_refs, topic_refs) for p in r.mappings("positions")]
    events = [_event(e, brief, actor_refs) for e in r.mappings("events")]
    questions: list[QuestionEntry] = []
    asked: set[str] = set()
    for q in r.mappings("questions"):
        entry = _question_entry(q, brief, actor_refs, topic_refs)
        if entry is None:
            continue
        if entry.question in asked:
            diags.error(entry.location, f"question '{entry.question}' appears twice in this "
                        "brief; merge the two entries", "duplicate-id")
            continue
        asked.add(entry.question)
        questions.append(entry)
    check_body_links(brief, diags)
    # A brief without title, date or a usable id cannot be placed; its errors name it.
    if not placed:
        return None
    return replace(
        brief,
        positions=tuple(p for p in positions if p),
        events=tuple(e for e in events if e),
        questions=tuple(questions),
    )


def _date_unknown(r: _Reader, date: FuzzyDate | None, source: Source) -> bool:
    """``date_unknown: true``: the source states no publication date, so ``date`` is the day it
    was retrieved. Each such brief is named by a note, so that ``check`` lists them."""
    value = r.get("date_unknown")
    if value is _MISSING or value is False:
        return False
    if not isinstance(value, bool):
        r.diags.error(r.loc("date_unknown"), "'date_unknown' must be true or false", "type")
        return False
    retrieved = f" (retrieved {source.retrieved})" if source.retrieved else ""
    r.diags.note(
        r.loc("date_unknown"),
        f"publication date unknown: 'date' ({date}) is the day the source was read{retrieved}; "
        "when you find the date it was published, write it in 'date' and remove "
        "'date_unknown'",
        "date-unknown",
    )
    return True


def check_body_html(raw: RawFile, diags: Diagnostics) -> None:
    """Warn at file:line about raw HTML in a body that is not sanitized: an element left open
    that would hide the rest of the page (it is closed at the end of the text), and images or
    other resources a reader's browser would fetch from another host."""
    first = raw.body_line - 1
    for line, count in crowded_paragraphs(raw.body):
        diags.warning(
            Location(raw.display, first + line, 1),
            f"this paragraph holds {count:,} characters of Markdown markup ([, *, <, & ...), "
            "more than a page can render in reasonable time; it is shown as preformatted text. "
            "Split it, or put it in a code block",
            "crowded-paragraph",
        )
    for element in unclosed_elements(raw.body) if "<" in raw.body else ():
        diags.warning(
            Location(raw.display, first + element.line, element.col),
            f"'{element.shown}' is never closed, so a browser would hide everything after it "
            f"(the rest of the text and the panels below it); add '{element.closing}' where it "
            "should end (the page closes it at the end of the text meanwhile)",
            "unclosed-html",
        )
    for line, col, text in remote_resources(raw.body):
        diags.warning(
            Location(raw.display, first + line, col),
            f"the text loads '{text}' from another host whenever the page is read, which tells "
            "that host who reads the dossier; save the file in the site instead, or set "
            "'sanitize: true' to drop it",
            "remote-resource",
        )


BODY_HTML_CODES = frozenset({"unclosed-html", "remote-resource"})


def sanitized_everywhere(dossier: Dossier, diags: Diagnostics) -> Diagnostics:
    """``diags`` without the body HTML warnings of files whose body a site-wide ``sanitize:
    true`` cleans: every brief (none can opt out), actor and topic."""
    cleaned = {b.location.path for b in dossier.briefs.values()}  # the site's rule wins
    cleaned |= {a.location.path for a in dossier.actors.values()}
    cleaned |= {t.location.path for t in dossier.topics.values()}
    return Diagnostics([d for d in diags if not (d.code in BODY_HTML_CODES
                                                 and d.location.path in cleaned)])


def _tags(r: _Reader) -> list[str]:
    """``tags``: slugs, like ids (docs/format.md); another text is an error with a slug to use."""
    tags = []
    for tag, loc in r.text_list("tags"):
        if not tag:
            continue
        if is_slug(tag):
            tags.append(tag)
        else:
            r.diags.error(loc, f"tag '{tag}' is not a valid tag: use lowercase letters, digits "
                          f"and hyphens, e.g. '{slugify(tag)}'", "bad-id")
    return tags


def _source(r: _Reader) -> Source:
    s = r.sub("source")
    if s is None:
        return Source()
    s.check_fields(SOURCE_FIELDS)
    url = s.text("url") or ""
    if url and not is_web_address(url):
        s.diags.error(
            s.loc("url"),
            f"'source.url' must be an absolute http(s) address, found "
            f"'{printable(url[:60])}'; {printable(web_address_hint(url))}",
            "unsafe-url",
        )
        url = ""
    language = s.text("language") or ""
    translated = s.text("translated_from") or ""
    for key, value in (("language", language), ("translated_from", translated)):
        if value and not LANGUAGE_RE.match(value):
            s.diags.warning(s.loc(key), f"'source.{key}' is '{value}'; use a language code "
                            "such as en, fr or pt-BR", "bad-language")
    return Source(
        publisher=s.text("publisher") or "",
        title=s.text("title") or "",
        url=url,
        language=language,
        translated_from=translated,
        authors=tuple(a for a, _ in s.text_list("authors") if a),
        credits=tuple(c for c, _ in s.text_list("credits") if c),
        kind=s.choice("kind", SourceKind),
        grade=_grade(s),
        retrieved=s.date("retrieved"),
    )


def _grade(s: _Reader) -> Grade | None:
    """``source.grade``: Admiralty reliability A–F and credibility 1–6, e.g. ``B2``."""
    value = s.text("grade")
    if value is None:
        return None
    try:
        return Grade.parse(value)
    except GradeError as exc:
        s.diags.error(s.loc("grade"), f"'source.grade': {exc}", "bad-grade")
        return None


def _claim_ident(r: _Reader, kind: str) -> str:
    """The optional ``id`` of a position or event, a slug shared by briefs reporting it."""
    ident = r.text("id") or ""
    if ident and not is_slug(ident):
        r.diags.error(r.loc("id"), f"{kind} id '{ident}' is not a valid id: use lowercase "
                      f"letters, digits and hyphens, e.g. '{slugify(ident)}'", "bad-id")
        return ""
    return ident


def _disputed(r: _Reader) -> bool:
    """The optional ``disputed`` flag of a position or event: ``true`` keeps a known
    disagreement between reports of one claim (a note instead of a warning)."""
    value = r.get("disputed")
    if value is _MISSING or value is None:
        return False
    if isinstance(value, bool):
        if value and not r.text("id"):
            r.diags.warning(r.loc("disputed"), "'disputed: true' needs an 'id' shared with the "
                            "other reports it disagrees with; add the id or remove 'disputed'",
                            "disputed-without-id")
        return value
    r.diags.error(r.loc("disputed"), "'disputed' must be true or false", "type")
    return False


def _position(r: _Reader, brief: Brief, actors: _Refs, topics: _Refs) -> Position | None:
    r.check_fields(POSITION_FIELDS)
    actor = actors.check(r.diags, _one(r, "actor"), r.where("actor"))
    topic = topics.check(r.diags, _one(r, "topic"), r.where("topic"))
    stance = r.choice("stance", Stance, required=True)
    summary = r.text("summary", required=True)
    date = r.date("date") or brief.date
    if not (actor and topic and stance and summary):
        return None
    return Position(
        actor=actor[0], topic=topic[0], stance=stance, summary=summary, date=date,
        brief=brief.id, location=r.loc(), quote=r.text("quote") or "",
        id=_claim_ident(r, "position"), disputed=_disputed(r), audience=_audience(r),
    )


def _event(r: _Reader, brief: Brief, actors: _Refs) -> Event | None:
    r.check_fields(EVENT_FIELDS)
    date = r.date("date", required=True)
    end = r.date("end")
    title = r.text("title", required=True)
    involved = actors.check(r.diags, r.text_list("actors"), r.where("actors"))
    if date and end and end.last_day() < date.first_day():
        r.diags.error(r.loc("end"), f"'{r.where('end')}' ({end}) is before the event's date "
                      f"({date})", "bad-range")
        end = None
    if not (date and title):
        return None
    return Event(
        date=date, end=end, title=title, brief=brief.id, location=r.loc(), actors=involved,
        place=r.text("place") or "", id=_claim_ident(r, "event"), disputed=_disputed(r),
        audience=_audience(r),
    )


def _question_entry(
    r: _Reader, brief: Brief, actors: _Refs, topics: _Refs
) -> QuestionEntry | None:
    r.check_fields(QUESTION_FIELDS)
    ident = r.text("id", required=True)
    if ident and not is_slug(ident):
        r.diags.error(r.loc("id"), f"question id '{ident}' is not a valid id: use lowercase "
                      f"letters, digits and hyphens, e.g. '{slugify(ident)}'", "bad-id")
        ident = None
    status = r.choice("status", QuestionStatus, default=QuestionStatus.OPEN)
    answer = r.text("answer") or ""
    if status is QuestionStatus.ANSWERED and not answer:
        r.diags.error(r.loc("status"), f"question '{ident}' is answered but has no 'answer'; "
                      "add the answer or set status: open", "missing-field")
    elif answer and status is QuestionStatus.OPEN:
        r.diags.warning(r.loc("answer"), f"question '{ident}' has an answer but status is "
                        "open; set status: answered", "status")
    involved = actors.check(r.diags, r.text_list("actors"), r.where("actors"))
    about = topics.check(r.diags, r.text_list("topics"), r.where("topics"))
    hypotheses = entry_hypotheses(r, ident or "?")
    evidence = entry_evidence(r, ident or "?")
    review_by = r.date("review_by")
    if not ident:
        return None
    return QuestionEntry(
        question=ident, brief=brief.id, date=brief.date, location=r.loc(),
        text=r.text("text") or "", status=status, actors=involved, topics=about, answer=answer,
        hypotheses=hypotheses, evidence=evidence, review_by=review_by,
        audience=_audience(r),
    )


def _audience(r: _Reader) -> AudienceMark | None:
    """The optional ``audience`` of a file or entry, as written; the names are checked
    against the dossier's declared audiences in :mod:`briefbook.validate.audiences`. A field
    written with no value is an error, not "unmarked": its author meant to restrict."""
    value = r.get("audience")
    name = r.text("audience")
    if value is not _MISSING and not name and not isinstance(value, (dict, list)):
        r.diags.error(r.loc("audience"), f"'{r.where('audience')}' has no value; write one of "
                      "the dossier's audiences, or delete the line to give it its brief's",
                      "audience-empty")
        # kept as a mark no audience may read, so that even a build that goes on past errors
        # (mkdocs serve) leaves the item out rather than publish it
        return AudienceMark(NO_VALUE, r.loc("audience"))
    return AudienceMark(name, r.loc("audience")) if name else None


def _looks_like_audience(key: str) -> bool:
    """A field name that is ``audience`` misspelt, in another case or with invisible marks."""
    folded = re.sub(r"[^a-z]", "", key.casefold())
    return "audi" in folded or difflib.SequenceMatcher(None, folded, "audience").ratio() >= 0.75


def _one(r: _Reader, key: str) -> list[tuple[str, Location]]:
    value = r.text(key, required=True)
    return [(value, r.loc(key))] if value else []


def _raised_questions(data: dict[str, Any]) -> set[str]:
    """The ids of the questions a brief's front-matter raises (gives a text for)."""
    entries = data.get("questions")
    if not isinstance(entries, list):
        return set()
    return {entry["id"] for entry in entries if isinstance(entry, dict)
            and isinstance(entry.get("id"), str) and entry.get("text")}


def _questions(briefs: list[Brief], diags: Diagnostics,
               raised_by_left_out: set[str] | None = None) -> dict[str, Question]:
    """Merge the entries of every brief into one record per question id, in date order.
    A question whose raising brief was left out for its own errors is not reported again
    (those errors say what to fix)."""
    entries: dict[str, list[QuestionEntry]] = defaultdict(list)
    for brief in briefs:
        for entry in brief.questions:
            entries[entry.question].append(entry)
    questions: dict[str, Question] = {}
    raised = [ident for ident, items in entries.items() if any(e.text for e in items)]
    for ident, items in sorted(entries.items()):
        items.sort(key=lambda e: (e.date.sort_key, e.brief))
        first = items[0]
        if not first.text:
            if ident in (raised_by_left_out or ()):
                continue
            hint = "" if ident in raised else did_you_mean(ident, raised)
            if hint:  # a follow-up of a question no brief raises: most likely a typo
                diags.error(first.location, f"unknown question '{ident}'{hint}; a question is "
                            "raised by a brief that gives its 'text'", "unknown-question")
                continue
            diags.error(
                first.location,
                f"question '{ident}' needs a 'text' where it is first raised (this is its "
                "earliest brief)",
                "missing-field",
            )
            continue
        items = check_question(ident, items, diags)
        actors = tuple(dict.fromkeys(a for e in items for a in e.actors))
        topics = tuple(dict.fromkeys(t for e in items for t in e.topics))
        questions[ident] = Question(ident, first.text, tuple(items), actors, topics)
    return questions
