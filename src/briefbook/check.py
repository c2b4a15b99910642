"""``briefbook check``: validate a dossier without building the site, and report in text or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .pipeline import load_dossier


@dataclass(frozen=True)
class CheckReport:
    """Every diagnostic of one dossier, in reading order, and how many files were read."""

    root: Path
    diagnostics: list[Diagnostic]
    files: int

    def _count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def errors(self) -> int:
        return self._count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self._count(Severity.WARNING)

    @property
    def notes(self) -> int:
        """Suggestions (an actor named but not listed, ...): shown, never failing a check."""
        return self._count(Severity.NOTE)

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a check; warnings fail it too when ``strict``."""
        return self.errors > 0 or (strict and self.warnings > 0)

    def summary(self) -> str:
        def plural(count: int, word: str) -> str:
            return f"{count} {word}{'s' * (count != 1)}"

        counts = f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"
        if self.notes:
            counts += f", {plural(self.notes, 'note')}"
        return f"{counts} in {plural(self.files, 'file')}"

    def to_text(self, notes: bool = True) -> str:
        lines = [d.format() for d in self.diagnostics if notes or d.severity is not Severity.NOTE]
        lines.append(self.summary())
        return "\n".join(lines)

    def to_json(self, strict: bool = False) -> str:
        return json.dumps(
            {
                "dossier": display(self.root),
                "ok": not self.failed(strict),
                "summary": {
                    "errors": self.errors,
                    "warnings": self.warnings,
                    "notes": self.notes,
                    "files": self.files,
                    "text": self.summary(),
                },
                "diagnostics": [d.to_json() for d in self.diagnostics],
            },
            ensure_ascii=False,
            indent=2,
        )


def display(path: Path, cwd: Path | None = None) -> str:
    """``path`` relative to the current directory when it lies below it, else absolute."""
    path = path.resolve()
    try:
        return path.relative_to((cwd or Path.cwd()).resolve()).as_posix() or "."
    except ValueError:
        return path.as_posix()


def check_dossier(root: Path, cwd: Path | None = None) -> CheckReport:
    """Load and validate the dossier at ``root``; paths in diagnostics are shown from ``cwd``."""
    base = (cwd or Path.cwd()).resolve()
    result = load_dossier(root, base)
    return CheckReport(root, result.diagnostics.sorted(), result.files_seen)
