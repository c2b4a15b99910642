"""``briefbook init``: write a complete dossier repository from the starter in the package.

The starter (``briefbook/authoring/starter/``) is the tree that is written, with ``dot-`` in
place of a leading ``.`` in names (so that packaging tools keep those files) and ``@NAME@``
placeholders filled in: the Briefbook version that runs ``init``, the site's title, today's
date. Nothing is ever overwritten: when a file to write exists already, nothing is written and
every such file is named.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

from briefbook.authoring.new import one_line

#: Where Briefbook's source lives. The owner is a placeholder until the public repository's
#: address is settled; replace it in the generated ``.pre-commit-config.yaml`` and
#: ``requirements.txt`` comment if yours differs.
SOURCE_REPOSITORY = "https://github.com/OWNER/briefbook"
DEFAULT_TITLE = "Briefing dossier"


class InitError(Exception):
    """The dossier cannot be written where asked; the message says why and what to do."""


@dataclass(frozen=True)
class StarterFile:
    """One file of the starter: where it goes (relative, POSIX) and its filled-in text."""

    path: PurePosixPath
    text: str


def installed_version() -> str:
    """The version of the installed Briefbook (``0.0.0`` when run from a bare source tree)."""
    try:
        return metadata.version("briefbook")
    except metadata.PackageNotFoundError:  # pragma: no cover - not installed at all
        return "0.0.0"


def _walk(folder: Traversable, prefix: PurePosixPath) -> Iterator[tuple[PurePosixPath, str]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        name = entry.name
        if name.startswith("dot-"):
            name = "." + name.removeprefix("dot-")
        if entry.is_dir():
            yield from _walk(entry, prefix / name)
        else:
            yield prefix / name, entry.read_text(encoding="utf-8")


def starter_files(
    title: str = DEFAULT_TITLE,
    today: _dt.date | None = None,
    version: str | None = None,
    requirement: str | None = None,
) -> list[StarterFile]:
    """The files ``init`` writes, filled in; ``requirement`` is the pip line in requirements.txt
    (default: exactly this Briefbook version)."""
    title = one_line(title)
    if not title:
        raise InitError("the title is empty; give one with --title")
    day = today or _dt.date.today()
    version = version or installed_version()
    values = {
        "VERSION": version,
        "YEAR": f"{day.year:04d}",
        "TODAY": day.isoformat(),
        "SOURCE": SOURCE_REPOSITORY,
        "REQUIREMENT": one_line(requirement or f"briefbook=={version}"),
    }
    files: list[StarterFile] = []
    for path, text in _walk(resources.files("briefbook") / "authoring" / "starter",
                            PurePosixPath()):
        shown_title = json.dumps(title, ensure_ascii=False)[1:-1] if path.suffix == ".yml" \
            else title  # inside a double-quoted YAML string, or plain Markdown text
        for name, value in {**values, "TITLE": shown_title}.items():
            text = text.replace(f"@{name}@", value)
        files.append(StarterFile(PurePosixPath(str(path).replace("@YEAR@", values["YEAR"])),
                                 text))
    return files


def init_dossier(target: Path, files: list[StarterFile]) -> list[Path]:
    """Write ``files`` below ``target`` (created if needed); the paths written, in order.

    Refuses, writing nothing, when ``target`` is a file or when any of the files exists.
    """
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} is a file; give a folder (new or empty) to write the dossier "
                        "into")
    existing = [target / f.path for f in files if (target / f.path).exists()]
    if existing:
        listing = "\n".join(f"  {path}" for path in existing)
        raise InitError(f"nothing was written: these files exist already\n{listing}\n"
                        "Run 'briefbook init NEW-FOLDER' to start the dossier in a new or empty "
                        "folder, or move these files away first")
    written: list[Path] = []
    for file in files:
        path = target / file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(file.text)
        written.append(path)
    return written
