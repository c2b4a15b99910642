"""``briefbook check``: validate a dossier without building the site, and report in text or JSON."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from pathlib import Path

from briefbook.authoring.review import ReviewItem, review_items
from briefbook.index.review import ReviewRules, needs_review
from briefbook.load.files import display_path
from briefbook.model.audience import Audiences
from briefbook.model.diagnostics import Diagnostic, Severity
from briefbook.pipeline import load_dossier
from briefbook.validate.fields import sanitized_everywhere


@dataclass(frozen=True)
class CheckReport:
    """Every diagnostic of one dossier, in reading order, and how many files were read."""

    root: Path
    diagnostics: list[Diagnostic]
    files: int
    as_of: _dt.date | None = None  # checked as the dossier stood that day
    briefs_kept: int = 0  # with as_of or audience: the briefs kept
    review_rules: ReviewRules | None = None  # with --review: what needs review, and when
    review: tuple[ReviewItem, ...] = ()
    audience: str = ""  # checked as the site for this audience would be built

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

    @property
    def dates_unknown(self) -> int:
        """Briefs whose source states no publication date (``date_unknown: true``)."""
        return sum(1 for d in self.diagnostics if d.code == "date-unknown")

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a check; warnings fail it too when ``strict``; with ``--review``,
        anything that needs review fails it."""
        return self.errors > 0 or (strict and self.warnings > 0) or bool(self.review)

    def summary(self) -> str:
        def plural(count: int, word: str) -> str:
            return f"{count} {word}{'s' * (count != 1)}"

        counts = f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"
        if self.notes:
            counts += f", {plural(self.notes, 'note')}"
        text = f"{counts} in {plural(self.files, 'file')}"
        if self.dates_unknown:
            text += (f"; {plural(self.dates_unknown, 'brief')} with no known publication "
                     "date (date_unknown)")
        if self.as_of is not None:
            text += f"; as of {self.as_of.isoformat()}: {plural(self.briefs_kept, 'brief')}"
        if self.review_rules is not None:
            needs = "needs" if len(self.review) == 1 else "need"
            text += (f"; {plural(len(self.review), 'item')} {needs} review on "
                     f"{self.review_rules.today.isoformat()}")
        if self.audience:
            text += f"; for audience '{self.audience}': {plural(self.briefs_kept, 'brief')}"
        return text

    def to_text(self, notes: bool = True) -> str:
        # The briefs whose date is unknown are listed even without notes (--no-notes).
        lines = [d.format() for d in self.diagnostics
                 if notes or d.severity is not Severity.NOTE or d.code == "date-unknown"]
        lines += [item.format() for item in self.review]
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
                    **({"dates_unknown": self.dates_unknown} if self.dates_unknown else {}),
                    "text": self.summary(),
                    **({"as_of": self.as_of.isoformat(), "briefs_as_of": self.briefs_kept}
                       if self.as_of is not None else {}),
                    **({"audience": self.audience, "briefs_for_audience": self.briefs_kept}
                       if self.audience else {}),
                },
                "diagnostics": [d.to_json() for d in self.diagnostics],
                **({"review": {"today": self.review_rules.today.isoformat(),
                               "positions_after_days": self.review_rules.positions_after_days,
                               "actors_after_days": self.review_rules.actors_after_days,
                               "items": [item.to_json() for item in self.review]}}
                   if self.review_rules is not None else {}),
            },
            ensure_ascii=False,
            indent=2,
        )


def display(path: Path, cwd: Path | None = None) -> str:
    """``path`` relative to the current directory when it lies below it, else absolute."""
    return display_path(path.resolve(), (cwd or Path.cwd()).resolve())


def check_dossier(
    root: Path,
    cwd: Path | None = None,
    as_of: _dt.date | None = None,
    notes: bool = True,
    site_sanitizes: bool = False,
    review: ReviewRules | None = None,
    audiences: Audiences | None = None,
    audience: str = "",
) -> CheckReport:
    """Load and validate the dossier at ``root``; paths in diagnostics are shown from ``cwd``.

    With ``as_of``, the check is the one a build with that ``as_of`` makes: every file is
    checked, and the report says how many briefs the dossier held that day. With
    ``site_sanitizes`` (the site's ``sanitize: true``), body HTML the build cleans anyway is
    not warned about, as in the build. With ``review``, the report also lists what needs
    review by those rules. Every audience mark is checked against ``audiences``
    (the declared list); with ``audience``, the check is the one the build for that audience
    makes (its notes, the briefs it keeps).
    """
    base = (cwd or Path.cwd()).resolve()
    result = load_dossier(root, base, as_of, scan_mentions=notes,
                          audiences=audiences or Audiences(), audience=audience)
    diagnostics = result.diagnostics
    if site_sanitizes:  # every brief is cleaned, the ones the audience leaves out too
        diagnostics = sanitized_everywhere(result.checked or result.dossier, diagnostics)
    items = (tuple(review_items(result.dossier, needs_review(result.dossier, review)))
             if review is not None else ())
    return CheckReport(root, diagnostics.sorted(), result.files_seen, as_of,
                       len(result.dossier.briefs), review, items, audience)
