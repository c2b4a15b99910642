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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

from briefbook.authoring.new import ScaffoldError, inside_root, one_line

#: Where Briefbook's source lives, when the installation does not say (installed from the
#: package index or a folder). The owner is a placeholder until the public repository's
#: address is settled.
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


@dataclass(frozen=True)
class Origin:
    """Where the running Briefbook came from: the pip line that installs it again, and the git
    repository of its source (for the pre-commit hook)."""

    requirement: str
    repository: str
    revision: str = ""  # what the pre-commit hook pins (a tag or commit of ``repository``)
    from_git: bool = False  # the requirement names a git repository and revision

    @property
    def notes(self) -> list[str]:
        """What the author must still do for the written files to work, said at init."""
        said: list[str] = []
        if not self.from_git:
            said.append(
                f"requirements.txt says '{self.requirement}': that installs only once this "
                "version is on the package index; until then, run init again with "
                "--requirement 'briefbook @ git+https://github.com/OWNER/briefbook@TAG' "
                "(the repository and tag your Briefbook comes from), or edit requirements.txt"
            )
        if self.repository == SOURCE_REPOSITORY:
            said.append(
                f".pre-commit-config.yaml names {SOURCE_REPOSITORY}, a placeholder: replace "
                "OWNER with the account that hosts Briefbook before 'pre-commit install'"
            )
        return said


def origin_of(version: str, direct_url: str | None) -> Origin:
    """The origin told by an installation's ``direct_url.json`` (PEP 610), if any.

    Installed from a git repository over https (``pip install "briefbook @
    git+https://...@v0.2.0"``), the same line at the same tag (or commit); installed from the
    package index, or from a folder, ``briefbook==VERSION``.
    """
    fallback = Origin(f"briefbook=={version}", SOURCE_REPOSITORY, f"v{version}")
    try:
        info = json.loads(direct_url) if direct_url else {}
    except ValueError:
        return fallback
    url, vcs = info.get("url"), info.get("vcs_info")
    if not isinstance(url, str) or not isinstance(vcs, dict) or vcs.get("vcs") != "git":
        return fallback
    if not url.startswith("https://") or any(c.isspace() or c in "@#" for c in url[8:]):
        return fallback
    revision = vcs.get("requested_revision") or vcs.get("commit_id")
    if not isinstance(revision, str) or not revision.replace(".", "").replace("-", "").isalnum():
        return fallback
    return Origin(f"briefbook @ git+{url}@{revision}", url.removesuffix(".git"), revision,
                  from_git=True)


_GIT_REQUIREMENT = re.compile(
    r"briefbook\s*@\s*git\+(?P<url>https://[^\s@#]+?)(?:\.git)?@(?P<revision>[\w.\-]+)"
)
# "<owner>", and the capitalised words docs write in their place ("OWNER/briefbook@TAG")
_PLACEHOLDER = re.compile(r"<[A-Za-z][\w-]*>|(?<=/)(?:OWNER|USER|ORG)(?=/)|(?<=@)(?:TAG|REV|"
                          r"VERSION|COMMIT)\b")


def origin_of_requirement(line: str, version: str) -> Origin:
    """The origin a ``--requirement`` line names: its git repository and revision when it has
    them (so that the pre-commit hook uses the same), else this version's."""
    line = one_line(line)
    if not line:
        raise InitError("--requirement is empty; give the pip line that installs Briefbook")
    if (placeholder := _PLACEHOLDER.search(line)) is not None:
        raise InitError(f"--requirement {line!r} still holds the placeholder "
                        f"{placeholder.group()!r}; write the real value there")
    match = _GIT_REQUIREMENT.fullmatch(line)
    if match is None:
        return Origin(line, SOURCE_REPOSITORY, f"v{version}", from_git=line.startswith(
            ("git+", "briefbook @ git+", "briefbook@git+")))
    return Origin(line, match["url"], match["revision"], from_git=True)


def installed_origin(version: str) -> Origin:
    """:func:`origin_of` the installed Briefbook."""
    try:
        direct_url = metadata.distribution("briefbook").read_text("direct_url.json")
    except metadata.PackageNotFoundError:  # pragma: no cover - not installed at all
        direct_url = None
    return origin_of(version, direct_url)


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
    origin: Origin | None = None,
    review_workflow: bool = False,
) -> list[StarterFile]:
    """The files ``init`` writes, filled in; ``requirement`` is the pip line in requirements.txt
    (default: the line that installs this very Briefbook, see :func:`installed_origin`), or
    ``origin`` says it with the repository the pre-commit hook names. ``review_workflow`` adds
    the scheduled workflow that runs ``briefbook check --review`` (``starter-review/``)."""
    title = one_line(title)
    if not title:
        raise InitError("the title is empty; give one with --title")
    day = today or _dt.date.today()
    version = version or installed_version()
    if origin is None:
        origin = (origin_of_requirement(requirement, version) if requirement is not None
                  else installed_origin(version))
    values = {
        "VERSION": version,
        "YEAR": f"{day.year:04d}",
        "TODAY": day.isoformat(),
        "SOURCE": origin.repository,
        "REVISION": origin.revision or f"v{version}",
        "REQUIREMENT": one_line(origin.requirement),
    }
    files: list[StarterFile] = []
    folders = ["starter", "starter-review"] if review_workflow else ["starter"]
    walked = [item for folder in folders
              for item in _walk(resources.files("briefbook") / "authoring" / folder,
                                PurePosixPath())]
    for path, text in walked:
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
    for file in files:
        try:
            inside_root(target / file.path, target)
        except ScaffoldError as exc:
            raise InitError(str(exc)) from None
    written: list[Path] = []
    for file in files:
        path = target / file.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(file.text)
        except OSError as exc:
            raise InitError(f"cannot write {path}: {exc.strerror}"
                            + (f"; these were written before it: {', '.join(map(str, written))}"
                               if written else "; nothing was written")) from None
        written.append(path)
    return written
