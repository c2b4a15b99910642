"""``briefbook check --review``: what needs review, as lines that name file:line:col.

The rules come from the ``briefbook`` plugin's options in ``mkdocs.yml`` (the same as the
site's "needs review" page), "today" from ``--today``, the plugin's ``review_today``, or the
build date (``SOURCE_DATE_EPOCH`` when set, else today in UTC).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefbook.authoring.locate import _child, _plugin_options, read_config
from briefbook.index.review import (
    DEFAULT_ACTORS_AFTER_DAYS,
    DEFAULT_POSITIONS_AFTER_DAYS,
    ReviewList,
    ReviewRules,
    build_date,
)
from briefbook.model.diagnostics import Location
from briefbook.model.dossier import Dossier


@dataclass(frozen=True)
class ReviewItem:
    """One claim that needs review, where it was written and why."""

    location: Location
    kind: str  # position, question or actor
    subject: str
    message: str

    def format(self) -> str:
        loc = self.location
        return f"{loc.path}:{loc.line or 1}:{loc.col or 1}: review: {self.message}"

    def to_json(self) -> dict[str, object]:
        loc = self.location
        return {"path": loc.path, "line": loc.line or 1, "col": loc.col or 1,
                "kind": self.kind, "subject": self.subject, "message": self.message}


@dataclass(frozen=True)
class ReviewSettings:
    """The plugin's review options as ``mkdocs.yml`` gives them (defaults where it is silent)."""

    positions_after_days: int = DEFAULT_POSITIONS_AFTER_DAYS
    actors_after_days: int = DEFAULT_ACTORS_AFTER_DAYS
    today: _dt.date | None = None

    def rules(self, today: _dt.date | None = None) -> ReviewRules:
        return ReviewRules(today or self.today or build_date(), self.positions_after_days,
                           self.actors_after_days)


def review_settings(config_path: Path | None) -> ReviewSettings:
    """The review options of the ``briefbook`` plugin in ``config_path`` (a ``ConfigProblem``
    with line and column when one is not a whole number or a day)."""
    if config_path is None:
        return ReviewSettings()
    config = read_config(config_path)
    found = _plugin_options(config)
    if found is None:
        return ReviewSettings()
    options, node = found
    values: dict[str, Any] = {}
    for name in ("review_positions_after_days", "review_actors_after_days"):
        value = options.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise config.problem(_child(node, name), f"'{name}' must be a whole number of "
                                 f"days, 0 or more, found {value!r}")
        values[name.removeprefix("review_")] = value
    today = options.get("review_today")
    if today is not None:
        try:
            values["today"] = (today if isinstance(today, _dt.date)
                               else _dt.date.fromisoformat(str(today).strip()))
        except ValueError:
            raise config.problem(_child(node, "review_today"), f"'review_today' is '{today}': "
                                 "give a day as YYYY-MM-DD, e.g. 2026-03-01") from None
    return ReviewSettings(**values)


def review_items(dossier: Dossier, found: ReviewList) -> list[ReviewItem]:
    """Every entry of ``found`` as a line to print, positions, then questions, then actors."""
    rules = found.rules
    items = []
    for stale in found.positions:
        p = stale.position
        items.append(ReviewItem(
            p.location, "position", f"{p.actor}/{p.topic}",
            f"the stance of '{p.actor}' on '{p.topic}' ({p.stance.value}) was last reported "
            f"{p.date}, {stale.days} days ago (limit {rules.positions_after_days}); find a "
            "newer source, or report that it still holds",
        ))
    for overdue in found.questions:
        q = overdue.question
        entry = next(e for e in reversed(q.entries) if e.review_by is not None)
        items.append(ReviewItem(
            entry.location, "question", q.id,
            f"question '{q.id}' is still open {overdue.days} days after its review_by date "
            f"({overdue.review_by}); answer it, set status: moot, or give a later review_by",
        ))
    for quiet in found.actors:
        actor = dossier.actors[quiet.actor]
        since = (f"since {quiet.last_brief.date} ({quiet.days} days; limit "
                 f"{rules.actors_after_days})" if quiet.last_brief else "yet")
        items.append(ReviewItem(
            actor.location, "actor", quiet.actor,
            f"no brief has named actor '{quiet.actor}' {since}; add a brief on it, or remove "
            "it if the dossier no longer follows it",
        ))
    return items
