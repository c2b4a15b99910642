"""Load dossier files: split front-matter from body, keeping file, line and column of values.

Nothing here raises on a user's mistake: every problem becomes a :class:`Diagnostic` attached to
the :class:`RawFile`, so that a whole dossier is read in one pass and all problems are reported.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import yaml

from briefbook.model.diagnostics import Diagnostic, Location, Severity, line_and_column
from briefbook.model.values import CONTROL_RE, has_control

_STR_TAG = "tag:yaml.org,2002:str"
# Plain scalars that may be something other than text start with one of the characters YAML's
# own resolver keys its patterns on (numbers, dates, booleans, nulls, merge and value keys);
# everything else is text at once.
_MAYBE_TYPED = frozenset(c for c in yaml.resolver.Resolver.yaml_implicit_resolvers if c)
# Words that start like a YAML 1.1 boolean or null but are one only when spelt exactly so.
_WORD_TYPED = frozenset((
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
))
_WORDS = frozenset("nNtTfFyYoO")


class _FastResolver(yaml.resolver.Resolver):
    """YAML's resolver, minus its regular expressions for the plain text most values are."""

    def resolve(
        self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]
    ) -> str:
        if kind is yaml.ScalarNode and implicit[0] and value:
            first = value[0]
            if first not in _MAYBE_TYPED or (first in _WORDS and value not in _WORD_TYPED):
                return _STR_TAG
        # PyYAML's stubs leave Resolver.resolve unannotated
        tag: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return tag


if yaml.__with_libyaml__:

    class _Loader(yaml.CSafeLoader, _FastResolver):
        """libyaml's parser with the fast resolver."""

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(yaml.SafeLoader, _FastResolver):  # type: ignore[no-redef]
        """The pure-Python loader with the fast resolver."""
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
MAX_DEPTH = 32
MAX_NODES = 20_000
# A brief is a note, not an archive: past these sizes a file is reported, not read, so that a
# pasted dump or a wrong file cannot stall a build.
MAX_FILE_BYTES = 2_000_000
MAX_FRONT_MATTER_CHARS = 1_000_000
# Extensions of Markdown files that are not read (only ``.md`` is): named in a warning.
MARKDOWN_LOOKALIKES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn"})

Path_ = tuple[str | int, ...]


class FileKind(StrEnum):
    BRIEF = "brief"
    ACTOR = "actor"
    TOPIC = "topic"

    @property
    def with_article(self) -> str:
        """The kind with its indefinite article, for messages: "a brief", "an actor"."""
        return f"{'an' if self.value[0] in 'aeiou' else 'a'} {self.value}"


@dataclass
class RawFile:
    """One dossier file as read: front-matter values, where each came from, and the body."""

    path: Path
    display: str
    kind: FileKind
    digest: str
    data: dict[str, Any] | None = None
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The source text of plain scalars YAML read as something else than text (``1:20`` is 80
    # in YAML 1.1, ``0x1F`` is 31): a text field keeps what was written.
    written: dict[Path_, str] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return self.path.stem

    def loc(self, *keys: str | int) -> Location:
        """Where the value at ``keys`` was written (falling back to its nearest parent)."""
        path: Path_ = tuple(keys)
        while path:
            mark = self.marks.get(path)
            if mark:
                return Location(self.display, *mark)
            path = path[:-1]
        return Location(self.display, *self.marks.get((), (1, 1)))

    def key_loc(self, *keys: str | int) -> Location:
        """Where the key of the value at ``keys`` was written (for 'unknown field' messages)."""
        mark = self.marks.get(("key", *keys))
        return Location(self.display, *mark) if mark else self.loc(*keys)

    def _problem(self, line: int, col: int, message: str, code: str) -> None:
        self.diagnostics.append(
            Diagnostic(Location(self.display, line, col), Severity.ERROR, message, code)
        )


def classify(root: Path, path: Path) -> FileKind:
    """Files under ``actors/`` are actors, under ``topics/`` topics, everything else a brief."""
    first = path.relative_to(root).parts[0]
    if first == "actors":
        return FileKind.ACTOR
    if first == "topics":
        return FileKind.TOPIC
    return FileKind.BRIEF


@dataclass(frozen=True)
class Skipped:
    """A path below the dossier folder that is not read, and what to say about it."""

    path: Path
    message: str
    is_error: bool = False


def discover(root: Path, skipped: list[Skipped] | None = None) -> Iterator[Path]:
    """Every Markdown file below ``root`` in a stable order, skipping hidden folders.

    Nothing outside ``root`` is read: a link (symlink) to a file or folder elsewhere is not
    followed and is appended to ``skipped`` as an error naming it. A link to a missing file, a
    link to a folder inside the dossier (its files are read where they are), and a ``.md`` name
    that is a folder, a FIFO or a device are appended as warnings.
    """
    real_root = root.resolve()
    found: list[Path] = []
    note = skipped.append if skipped is not None else (lambda _: None)
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in list(dirs):
            path = here / name
            if path.is_symlink():
                dirs.remove(name)
                problem = _link_problem(path, real_root, "folder")
                if problem is not None:  # always one: a link to a folder is never followed
                    note(problem)
            elif name.endswith(".md"):
                note(Skipped(path, f"'{name}' is a folder, not a file; its name ends in '.md' "
                             "but only the files in it are read. Rename the folder"))
        for name in names:
            if name.startswith(".") or not name.endswith(".md"):
                continue
            path = here / name
            if path.is_symlink():
                problem = _link_problem(path, real_root, "file")
                if problem is None:
                    found.append(path)
                else:
                    note(problem)
            elif path.is_file():
                found.append(path)
            else:
                note(Skipped(path, f"'{name}' is not a regular file (a FIFO, a socket or a "
                             "device); it is not read. Replace it with a Markdown file"))
    if skipped is not None:
        skipped.sort(key=lambda item: item.path.parts)
    yield from sorted(found, key=lambda p: p.parts)


def _link_problem(path: Path, root: Path, kind: str) -> Skipped | None:
    """What is wrong with the link ``path`` below ``root``: nothing for a link to a file in the
    dossier (it is read), else why it is not followed."""
    try:
        target = os.readlink(path)
    except OSError:  # pragma: no cover - it was a link a moment ago
        target = "?"
    if not path.exists():
        return Skipped(path, broken_link_message(path))
    resolved = path.resolve()
    if resolved != root and root not in resolved.parents:
        return Skipped(
            path,
            f"'{path.name}' is a link to a {kind} outside the dossier folder ({target}); it is "
            f"not read, since nothing outside the dossier is published. Copy the {kind} into "
            "the dossier, or delete the link",
            is_error=True,
        )
    if kind == "folder" or not resolved.is_file():
        return Skipped(
            path,
            f"'{path.name}' is a link to a {kind if kind == 'folder' else 'non-file'} inside the "
            f"dossier ({target}); it is not followed, the files are read where they are. "
            "Delete the link",
        )
    return None


def broken_link_message(path: Path) -> str:
    """What to say about a dossier file that is a link to a missing file."""
    try:
        target = f" ({os.readlink(path)})"
    except OSError:  # pragma: no cover - it was a link a moment ago
        target = ""
    return (f"'{path.name}' is a link to a missing file{target}; it is not read. Restore the "
            "file it points to, or delete the link")


def misnamed(root: Path) -> Iterator[Path]:
    """Markdown files below ``root`` that :func:`discover` skips for their extension (``x.MD``,
    ``x.markdown``), so that they can be named in a warning rather than lost silently."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).parts
        if any(part.startswith(".") for part in rel):
            continue
        if path.suffix != ".md" and path.suffix.lower() in MARKDOWN_LOOKALIKES and path.is_file():
            yield path


def display_path(path: Path, base: Path) -> str:
    """``path`` as shown in messages: relative to ``base`` when it lies below it, else whole."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def content_digest(data: bytes) -> str:
    """A short hash of a file's bytes: the key of the parse cache."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def oversized_file(path: Path, root: Path, base: Path, size: int) -> RawFile:
    """A file too large to read, as a :class:`RawFile` that carries only that error."""
    raw = RawFile(
        path=path, display=display_path(path, base), kind=classify(root, path), digest=""
    )
    raw._problem(
        1, 1,
        f"the file is {_megabytes(size)}, more than the {_megabytes(MAX_FILE_BYTES)} "
        f"{raw.kind.with_article} may have; it is not read. Keep the note short and link to the "
        "source instead of pasting it whole",
        "too-large",
    )
    return raw


def unreadable_file(path: Path, root: Path, base: Path, error: OSError) -> RawFile:
    """A file the system refuses to read (permissions), as a :class:`RawFile` with that error."""
    raw = RawFile(
        path=path, display=display_path(path, base), kind=classify(root, path), digest=""
    )
    raw._problem(1, 1, f"the file cannot be read ({error.strerror or error}); check that it "
                 "is yours and readable", "unreadable")
    return raw


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def load_file(path: Path, root: Path, base: Path, data: bytes | None = None) -> RawFile:
    """Read one file into a :class:`RawFile`; problems are recorded on it, never raised."""
    if data is None:
        data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        return oversized_file(path, root, base, len(data))
    raw = RawFile(
        path=path,
        display=display_path(path, base),
        kind=classify(root, path),
        digest=content_digest(data),
    )
    text = _decode(raw, data)
    if text is None:
        return raw
    _split(raw, text)
    return raw


def _decode(raw: RawFile, data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw._problem(
            1, 1,
            "the file is UTF-16 text; save it as UTF-8 in your editor",
            "encoding",
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raw._problem(
            line,
            col,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded); "
            "save it as UTF-8 in your editor",
            "encoding",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split(raw: RawFile, text: str) -> None:
    if not text.strip():
        raw._problem(1, 1, f"the file is empty; {raw.kind.with_article} starts with "
                     "front-matter between two --- lines", "empty")
        return
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raw._problem(
            1, 1,
            f"no front-matter: {raw.kind.with_article} file starts with a line '---', then YAML "
            "fields, then a closing '---' line",
            "no-front-matter",
        )
        raw.body = text
        return
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        raw._problem(
            1, 1,
            "the front-matter opened on line 1 is never closed; add a line '---' after the "
            "last field",
            "unclosed-front-matter",
        )
        return
    front = "\n".join(lines[1:index])
    raw.body = _without_controls(raw, "\n".join(lines[index + 1 :]), index + 2)
    raw.body_line = index + 2
    if len(front) > MAX_FRONT_MATTER_CHARS:
        raw._problem(
            2, 1,
            f"the front-matter has {len(front):,} characters, more than the "
            f"{MAX_FRONT_MATTER_CHARS:,} allowed; move long text into the body below the "
            "closing '---'",
            "too-large",
        )
        return
    _parse_yaml(raw, front, first_line=2)


def _without_controls(raw: RawFile, body: str, first_line: int) -> str:
    """The body without control characters (NUL, ESC, ...), each kind named in a warning at the
    first place it occurs: they would reach the page, the search index and the feeds."""
    if not has_control(body):
        return body
    found: dict[str, tuple[int, int]] = {}
    for number, text in enumerate(body.split("\n")):
        for match in CONTROL_RE.finditer(text):
            found.setdefault(match.group(), (first_line + number, match.start() + 1))
    for char, (line, col) in found.items():
        raw.diagnostics.append(Diagnostic(
            Location(raw.display, line, col), Severity.WARNING,
            f"the text contains the invisible control character U+{ord(char):04X}, which is "
            "removed; delete it (retype the text around it if you cannot see it)",
            "control-character",
        ))
    return CONTROL_RE.sub("", body)


def _parse_yaml(raw: RawFile, front: str, first_line: int) -> None:
    try:
        node = yaml.compose(front, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or "invalid YAML"
        hint = yaml_hint(exc, front, first_line)
        raw._problem(line, col, f"YAML syntax error in front-matter: {problem}{hint}", "yaml")
        return
    except yaml.reader.ReaderError:
        _unacceptable_character(raw, front, first_line)
        return
    except yaml.YAMLError as exc:  # pragma: no cover - every other error carries a mark
        raw._problem(first_line, 1, f"YAML error in front-matter: {exc}", "yaml")
        return
    if node is None:
        raw.data = {}
        raw.marks[()] = (first_line - 1, 1)
        return
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        raw._problem(
            first_line + node.start_mark.line,
            node.start_mark.column + 1,
            f"front-matter must be a mapping of fields ('title: ...'), found {kind}",
            "not-a-mapping",
        )
        return
    converter = _Converter(raw, first_line)
    value = converter.convert(node, ())
    if converter.too_big:
        return
    raw.data = value


def yaml_hint(exc: yaml.MarkedYAMLError, front: str, first_line: int) -> str:
    """What to do about a YAML syntax error, for the mistakes analysts actually make."""
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    lines = front.split("\n")
    bad_line = lines[mark.line][: mark.column + 1] if mark and mark.line < len(lines) else ""
    opened = exc.context_mark
    if "\t" in bad_line or "tab" in problem:
        return "; indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "; a value containing ': ' must be quoted"
    if opened and ("expected ',' or ']'" in problem or "expected ',' or '}'" in problem):
        bracket = "[" if "]" in problem else "{"
        return (f"; the '{bracket}' opened on line {first_line + opened.line} is not closed "
                "(or a value in it needs quotes)")
    if "found unexpected end of stream" in problem and "quoted" in (exc.context or ""):
        where = f" on line {first_line + opened.line}" if opened else ""
        return f"; a quote opened{where} is never closed"
    if any(text in problem for text in
           ("could not find expected ':'", "expected <block end>", "did not find expected key")):
        return "; check the indentation and quoting of this line and the one above"
    return ""


def _unacceptable_character(raw: RawFile, front: str, first_line: int) -> None:
    """Report the first character YAML refuses (a control character pasted in invisibly)."""
    match = yaml.reader.Reader.NON_PRINTABLE.search(front)
    offset = match.start() if match else 0
    line, col = line_and_column(front, offset)
    code = f"U+{ord(match.group()):04X}" if match else "a character"
    raw._problem(
        first_line + line - 1, col,
        f"the front-matter contains the invisible control character {code}, which YAML does "
        "not allow; delete it (retype the text around it if you cannot see it)",
        "yaml",
    )


class _Converter:
    """Turns YAML nodes into plain values, recording marks and duplicate keys."""

    def __init__(self, raw: RawFile, first_line: int) -> None:
        self.raw = raw
        self.first_line = first_line
        self.count = 0
        self.too_big = False

    def _mark(self, node: yaml.Node) -> tuple[int, int]:
        return (self.first_line + node.start_mark.line, node.start_mark.column + 1)

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        mark = node.start_mark
        if isinstance(node, yaml.ScalarNode) and self.count <= MAX_NODES and len(path) <= MAX_DEPTH:
            # the common case, kept short: a dossier file is mostly scalars
            self.raw.marks[path] = (self.first_line + mark.line, mark.column + 1)
            if node.tag == _STR_TAG:
                return node.value
            self.raw.written[path] = node.value
            return _scalar(node)
        if self.too_big:
            return None
        if len(path) > MAX_DEPTH or self.count > MAX_NODES:
            self.too_big = True
            line, col = self._mark(node)
            self.raw._problem(
                line, col,
                "front-matter is too deeply nested or too large (YAML anchors that repeat "
                "themselves?); keep it to plain fields and lists",
                "too-large",
            )
            return None
        self.raw.marks[path] = (self.first_line + mark.line, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node, path)
                if key is None:
                    continue
                if key in result:
                    line, col = self._mark(key_node)
                    first = self.raw.marks.get(("key", *path, key), (line, col))
                    self.raw._problem(
                        line, col,
                        f"duplicate field '{key}' (first given on line {first[0]}); "
                        "keep only one",
                        "duplicate-key",
                    )
                    continue
                self.raw.marks[("key", *path, key)] = self._mark(key_node)
                result[key] = self.convert(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        self.raw.written[path] = node.value
        return _scalar(cast(yaml.ScalarNode, node))  # YAML has three kinds of node

    def _key(self, node: yaml.Node, path: Path_) -> str | None:
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        line, col = self._mark(node)
        self.raw._problem(line, col, "a field name must be plain text", "bad-key")
        return None


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar's value; timestamps stay text so that dates are parsed with their precision."""
    tag = node.tag
    try:
        if tag == "tag:yaml.org,2002:int":
            return _CONSTRUCTOR.construct_yaml_int(node)
        if tag == "tag:yaml.org,2002:float":
            return _CONSTRUCTOR.construct_yaml_float(node)
        if tag == "tag:yaml.org,2002:bool":
            return _CONSTRUCTOR.construct_yaml_bool(node)
        if tag == "tag:yaml.org,2002:null":
            return None
    except (ValueError, yaml.YAMLError):
        return node.value
    return node.value
