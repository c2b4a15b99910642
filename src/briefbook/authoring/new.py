"""Write new dossier files (briefs, actors, topics) that are correctly formed and never overwrite.

Front-matter is written with a YAML dumper that quotes every value that is not a plain id, so
that dates stay strings (``date: "2025-04-10"``) and titles with ``:`` or ``#`` stay intact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from briefbook.load.files import FileKind, classify, discover
from briefbook.model.dates import FuzzyDate
from briefbook.model.diagnostics import did_you_mean
from briefbook.model.dossier import ActorKind, Dossier
from briefbook.model.values import CONTROL_RE, is_slug, slugify
from briefbook.validate.fields import RESERVED_IDS, WINDOWS_RESERVED

_PLAIN_RE = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})

BRIEF_BODY = """\
## What happened

<!-- What the source reports, in your own words. -->

## Why it matters

<!-- Why it matters to the dossier. -->

## What to watch

<!-- What to look out for next. -->
"""
ACTOR_BODY = (
    "<!-- A short profile (two to five sentences) of the actor as it matters to the "
    "dossier. -->\n"
)
TOPIC_BODY = "<!-- A paragraph describing the topic and why it matters to the dossier. -->\n"


class ScaffoldError(Exception):
    """A new file cannot be written as asked; the message says why and what to do (one line a
    problem when there are several)."""


class _Problems:
    """The scaffold errors of one command, gathered so that one run names them all."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def take(self, produce: Callable[[], T], fallback: T) -> T:
        """``produce()``, or ``fallback`` with its error kept for :meth:`raise_any`."""
        try:
            return produce()
        except ScaffoldError as exc:
            self.messages.append(str(exc))
            return fallback

    def raise_any(self) -> None:
        if self.messages:
            raise ScaffoldError("\n".join(self.messages))


T = TypeVar("T")
NO_IDS: list[str] = []  # what a refused list of ids stands in for while the others are checked


class _Dumper(yaml.SafeDumper):
    """Block mappings, one-line lists of plain values, and quotes on everything but ids."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    plain = bool(_PLAIN_RE.match(value)) and value not in _YAML_WORDS
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain else '"')


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    flat = all(not isinstance(item, (dict, list)) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


def _represent_dict(dumper: yaml.SafeDumper, value: dict[str, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=False)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def render_file(fields: Mapping[str, Any], body: str = "", comments: str = "") -> str:
    """A dossier file: ``---``, front-matter (empty fields left out) followed by ``comments``
    (YAML comment lines), ``---``, ``body``."""
    kept = {key: value for key, value in fields.items() if value not in (None, "", [], {})}
    front = yaml.dump(
        kept, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000,
        default_flow_style=False,
    )
    return f"---\n{front}{comments}---\n{body}"


SOURCE_STUB = """\
# Fill in what you know and delete the '# ' in front; leave out what you do not know.
# source:                     # the text this brief was written from
#   publisher: "Outlet"
#   url: "https://example.org/article"   # the full address; never invent one
#   language: "en"            # the language of the text you read
#   kind: report              # report, official, analysis, primary, interview or social
#   grade: B2                 # reliability A-F of the source, credibility 1-6 of the information
"""


def brief_stubs(actor: str, topic: str, source: bool = True) -> str:
    """Commented-out positions, events and questions (and source) for a new brief to fill in:
    the brief is valid as written, and each comment shows the shape of a field."""
    intro = SOURCE_STUB if source else "# Fill in and delete the '# ' in front of each line.\n"
    return intro + f"""\
# positions:                  # where an actor stands on a topic, as the source reports it
#   - actor: {actor}
#     topic: {topic}
#     stance: supports        # supports, opposes, conditional, neutral or undecided
#     summary: "What the actor holds, in one line of your own words"
# events:                     # dated events the source reports; they feed the timeline
#   - date: "YYYY-MM-DD"      # or YYYY-MM, YYYY; ~ in front when approximate
#     title: "What happened, in one line"
#     actors: [{actor}]
# questions:                  # what is not known yet; a later brief repeats the id to answer
#   - id: a-question-id
#     text: "The question, phrased so that it can be answered?"
#     status: open
"""


def write_new(path: Path, text: str, root: Path | None = None) -> None:
    """Create ``path`` with ``text``; refuse if it exists, even if created a moment ago, and
    (given the dossier's ``root``) if a linked folder would put it outside the dossier."""
    if root is not None:
        inside_root(path, root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScaffoldError(f"cannot create the folder {path.parent}: {exc.strerror}; "
                            "nothing was written") from None
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} already exists; nothing was written (choose another "
                            "title or --slug, or edit that file)") from None
    except OSError as exc:
        raise ScaffoldError(f"cannot write {path}: {exc.strerror}; nothing was written") from None


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def inside_root(path: Path, root: Path) -> None:
    """Refuse a ``path`` whose nearest existing folder, links followed, is outside ``root``:
    a linked folder in a checked-out dossier must not send new files elsewhere."""
    real, real_root = _nearest_existing(path.parent).resolve(), root.resolve()
    if not root.exists() and real == _nearest_existing(root).resolve():
        return  # the dossier and the folders below it are all still to be made: no link
    if real != real_root and real_root not in real.parents:
        raise ScaffoldError(f"{path.parent} leads outside the dossier (to {real}) through a "
                            "linked folder; nothing was written")


def one_line(text: str) -> str:
    """Collapse runs of whitespace (newlines included) into single spaces."""
    return " ".join(text.split())


def typed_text(text: str, what: str) -> str:
    """:func:`one_line` of a value given on the command line, refused when it holds a control
    character (an escape sequence pasted in): ``check`` would refuse the file written."""
    match = CONTROL_RE.search(text)
    if match:
        raise ScaffoldError(f"the {what} contains the invisible control character "
                            f"U+{ord(match.group()):04X}; type it again without it")
    return one_line(text)


def parse_date(text: str) -> FuzzyDate:
    """A ``--date`` value; :class:`ScaffoldError` with the reason when it is not a date."""
    try:
        return FuzzyDate.parse(text)
    except ValueError as exc:
        raise ScaffoldError(str(exc)) from None


def tags_as_slugs(tags: Iterable[str]) -> tuple[list[str], list[str]]:
    """``tags`` as the slugs a tag must be, once each, and a line for every tag written
    differently (``Air Policing`` becomes ``air-policing``) so the caller can say so; a tag
    with no letter or digit to keep is refused, all of them in one message."""
    slugs: dict[str, None] = {}
    renamed, unusable = [], []
    for tag in (t.strip() for t in tags if t.strip()):
        slug = tag if is_slug(tag) else slugify(tag)
        if slug == "untitled" and tag != slug:
            unusable.append(f"'{tag}'")
            continue
        if slug != tag:
            renamed.append(f"tag '{tag}' written as '{slug}' (tags are slugs, like ids)")
        slugs[slug] = None
    if unusable:
        raise ScaffoldError(f"--tags: {', '.join(unusable)} has no letter or digit to make a "
                            "tag of; a tag is lowercase letters a-z, digits and hyphens")
    return list(slugs), renamed


def choose_slug(title: str, slug: str | None) -> str:
    """The id of a new file: ``slug`` when given (and valid), else made from ``title``."""
    if slug is None:
        slug = slugify(title)
    elif not is_slug(slug):
        raise ScaffoldError(f"'{slug}' is not a valid id: use lowercase letters, digits and "
                            f"hyphens, e.g. '{slugify(slug)}'")
    if slug in RESERVED_IDS:
        raise ScaffoldError(f"'{slug}' is reserved for the site's own pages; pass another "
                            "--slug")
    if slug in WINDOWS_RESERVED:
        raise ScaffoldError(f"'{slug}' cannot be an id: Windows reserves the name "
                            f"{slug.upper()}, so the dossier could not be checked out there; "
                            "pass another --slug")
    return slug


@dataclass
class Scaffolder:
    """Writes new files into the dossier at ``root``, checking ids against ``dossier``."""

    root: Path
    dossier: Dossier

    # -- checks ----------------------------------------------------------------------------
    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for actor in self.dossier.actors.values():
            for name in actor.names:
                names.setdefault(name.casefold(), actor.id)
        return names

    def known_actors(self, ids: Iterable[str]) -> list[str]:
        return self._known(ids, "actor", set(self.dossier.actors), self._names())

    def known_topics(self, ids: Iterable[str]) -> list[str]:
        titles = {t.title.casefold(): t.id for t in self.dossier.topics.values()}
        return self._known(ids, "topic", set(self.dossier.topics), titles)

    def _known(
        self, ids: Iterable[str], kind: str, known: set[str], names: dict[str, str]
    ) -> list[str]:
        wanted = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
        problems = [
            f"unknown {kind} '{ident}'{did_you_mean(ident, known, names)}"
            for ident in wanted
            if ident not in known
        ]
        if problems:
            hint = f"; ids are file names under {self.root / (kind + 's')}"
            if kind == "actor":
                hint += " (add one with: briefbook new actor NAME --kind KIND)"
            raise ScaffoldError("; ".join(problems) + hint)
        return wanted

    def _brief_ids(self) -> dict[str, str]:
        """Every brief id in use (also of briefs that fail validation) → the file using it."""
        used = {
            path.stem: str(path)
            for path in discover(self.root)
            if classify(self.root, path) is FileKind.BRIEF
        }
        used.update({b.id: b.location.path for b in self.dossier.briefs.values()})
        return used

    def _free(self, kind: FileKind, ident: str) -> None:
        if kind is FileKind.BRIEF:
            other = self._brief_ids().get(ident)
            if other:
                raise ScaffoldError(f"a brief with the id '{ident}' already exists ({other}); "
                                    "nothing was written (choose another title or --slug)")
            return
        folder = self.root / f"{kind.value}s"
        for existing in folder.glob("*.md") if folder.is_dir() else ():
            if existing.stem.lower() == ident:
                raise ScaffoldError(f"{existing} already exists; nothing was written (choose "
                                    "another name or --slug, or edit that file)")

    def _unclaimed_names(self, names: Sequence[str]) -> None:
        owners = self._names()
        for name in names:
            owner = owners.get(name.casefold())
            if owner:
                raise ScaffoldError(f"'{name}' is already a name or alias of the actor "
                                    f"'{owner}'; an alias belongs to one actor only")

    # -- files -----------------------------------------------------------------------------
    def brief_path(self, ident: str, date: FuzzyDate) -> Path:
        return self.root / f"{date.year:04d}" / f"{ident}.md"

    def new_brief(
        self,
        title: str,
        date: FuzzyDate | str,
        *,
        slug: str | None = None,
        summary: str = "",
        actors: Sequence[str] = (),
        topics: Sequence[str] = (),
        tags: Sequence[str] = (),
        extra: Mapping[str, Any] | None = None,
        body: str = BRIEF_BODY,
    ) -> Path:
        """Write a brief in ``<year>/<slug>.md``; ``extra`` fields go after the standard ones,
        then commented-out stubs of the fields left to fill in. ``date`` may be the text of
        ``--date``, checked with the rest."""
        problems = _Problems()
        if isinstance(date, str):
            text = date
            date = problems.take(lambda: parse_date(text), FuzzyDate(2000))
        title = problems.take(lambda: typed_text(title, "title"), "")
        if not title and not problems.messages:
            problems.messages.append("the title is empty")
        ident = problems.take(lambda: choose_slug(title or "untitled", slug), "untitled")
        fields: dict[str, Any] = {
            "title": title,
            "date": date.isoformat(),
            "summary": problems.take(lambda: typed_text(summary, "summary"), ""),
            **(extra or {}),
            "actors": problems.take(lambda: self.known_actors(actors), NO_IDS),
            "topics": problems.take(lambda: self.known_topics(topics), NO_IDS),
            "tags": problems.take(lambda: tags_as_slugs(tags)[0], NO_IDS),
        }
        if title:
            problems.take(lambda: self._free(FileKind.BRIEF, ident), None)
        problems.raise_any()
        path = self.brief_path(ident, date)
        stubs = brief_stubs(
            (fields["actors"] or ["ACTOR-ID"])[0], (fields["topics"] or ["TOPIC-ID"])[0],
            source="source" not in fields,
        )
        write_new(path, render_file(fields, body, stubs), self.root)
        return path

    def new_actor(
        self,
        name: str,
        kind: ActorKind,
        *,
        slug: str | None = None,
        aliases: Sequence[str] = (),
        role: str = "",
        country: str = "",
        affiliations: Sequence[str] = (),
    ) -> Path:
        problems = _Problems()
        name = problems.take(lambda: typed_text(name, "name"), "")
        if not name and not problems.messages:
            problems.messages.append("the name is empty")
        ident = problems.take(lambda: choose_slug(name or "untitled", slug), "untitled")
        aliases = problems.take(lambda: list(dict.fromkeys(
            typed_text(a, "alias") for a in aliases if a.strip() and a != name)), [])
        if country and not re.fullmatch(r"[A-Za-z]{2}", country):
            problems.messages.append(f"--country '{country}': use a two-letter ISO 3166 code "
                                     "such as FR (GB for the United Kingdom)")
        if name:
            problems.take(lambda: self._free(FileKind.ACTOR, ident), None)
            problems.take(lambda: self._unclaimed_names([name, *aliases]), None)
        fields = {
            "name": name, "kind": kind.value, "aliases": aliases,
            "role": problems.take(lambda: typed_text(role, "role"), ""),
            "country": country.upper(),
            "affiliations": problems.take(lambda: self.known_actors(affiliations), NO_IDS),
        }
        problems.raise_any()
        path = self.root / "actors" / f"{ident}.md"
        write_new(path, render_file(fields, ACTOR_BODY), self.root)
        return path

    def new_topic(self, title: str, *, slug: str | None = None, summary: str = "") -> Path:
        title = typed_text(title, "title")
        if not title:
            raise ScaffoldError("the title is empty")
        ident = choose_slug(title, slug)
        self._free(FileKind.TOPIC, ident)
        path = self.root / "topics" / f"{ident}.md"
        write_new(path, render_file({"title": title, "summary": typed_text(summary, "summary")},
                              TOPIC_BODY),
                  self.root)
        return path
