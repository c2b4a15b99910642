"""A small dossier whose events use every kind of date, and a view context over it."""

from __future__ import annotations

from pathlib import Path

from support import load_tree

from briefbook.index.chronology import Chronology, build_chronology
from briefbook.render.environment import Renderer
from briefbook.views.context import ViewContext
from briefbook.views.urls import SiteUrls

ACTORS = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/actors/france.md": "---\nname: France\nkind: state\n---\n",
}
TOPICS = {"briefs/topics/force.md": "---\ntitle: Reassurance force\n---\n"}

DATED_BRIEF = """\
---
title: "Dated brief"
date: "2025-04-10"
topics: [force]
tags: [summit]
events:
  - {date: "2025-04-03", title: "Day event B", actors: [france]}
  - {date: "2025-04", title: "Month event", actors: [nato]}
  - {date: "~2025", title: "Circa year"}
  - {date: "2025-04-03", title: "Day event A", actors: [nato, france]}
  - {date: "2025-03-30", end: "2025-04-02", title: "Range event", place: "Paris, France; HQ",
     actors: [nato]}
  - {date: "~2025-04", title: "Circa month"}
  - {date: "2025", title: "Year event"}
---
Body.
"""

OLD_BRIEF = """\
---
title: "Old brief"
date: "2024-12-31"
tags: [archive]
events:
  - {date: "2024-12-31", title: "Last year", actors: [france]}
---
Body.
"""

DOSSIER = {
    **ACTORS, **TOPICS,
    "briefs/dated.md": DATED_BRIEF,
    "briefs/old.md": OLD_BRIEF,
}

# The order the timeline must show, and how each date reads in English and French.
EXPECTED = [
    ("Last year", "31 December 2024", "31 décembre 2024"),
    ("Year event", "2025", "2025"),
    ("Circa year", "c. 2025", "vers 2025"),
    ("Range event", "30 March 2025 – 2 April 2025", "30 mars 2025 – 2 avril 2025"),
    ("Month event", "April 2025", "avril 2025"),
    ("Circa month", "c. April 2025", "vers avril 2025"),
    ("Day event A", "3 April 2025", "3 avril 2025"),
    ("Day event B", "3 April 2025", "3 avril 2025"),
]


def view_context(
    tmp_path: Path, files: dict[str, str] | None = None, language: str = "en",
    sections: tuple[str, ...] = ("briefs", "timeline", "actors", "topics"),
    include_briefs: bool = False,
) -> tuple[ViewContext, Chronology]:
    """Load ``files`` (the dated dossier by default) and build a context and a chronology."""
    result = load_tree(tmp_path, files or DOSSIER)
    assert not list(result.diagnostics), [d.format() for d in result.diagnostics]
    ctx = ViewContext(result.dossier, result.index, SiteUrls(True, set(sections)),
                      Renderer(language))
    return ctx, build_chronology(result.dossier, result.index, include_briefs)
