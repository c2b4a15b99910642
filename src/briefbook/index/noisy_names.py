"""Names that would flood pages with links when every mention is linked (``mentions: all``).

A one-letter alias, or a name the dossier's texts use thousands of times, turns a brief into a
page of links (a 22 MB page for 280,000 links of ``x``): such names are named in a warning, at the
actor file, with what to do.
"""

from __future__ import annotations

from briefbook.index.lookups import Index
from briefbook.model.diagnostics import Diagnostic, Severity

COMMON_MENTIONS = 2_000
"""More mentions of one actor than this, across the dossier, is "very common"."""


def noisy_names(index: Index, mode: str) -> list[Diagnostic]:
    """Warnings for the actors whose names would be linked too often in ``mode`` (only ``all``)."""
    if mode != "all":
        return []
    totals: dict[str, int] = {}
    for stats in index.mentions_by_brief.values():
        for actor_id, stat in stats.items():
            totals[actor_id] = totals.get(actor_id, 0) + stat.count
    found: list[Diagnostic] = []
    for actor in index.dossier.actors.values():
        short = [name for name in actor.names if len(name.strip()) == 1]
        count = totals.get(actor.id, 0)
        if short:
            found.append(Diagnostic(
                actor.location, Severity.WARNING,
                f"actor '{actor.id}' has the one-letter name or alias '{short[0]}', which "
                "'mentions: all' would link wherever it stands alone; remove the alias, or set "
                "mentions: first",
                "noisy-alias",
            ))
        elif count > COMMON_MENTIONS:
            found.append(Diagnostic(
                actor.location, Severity.WARNING,
                f"actor '{actor.id}' is named {count:,} times in the dossier's texts, so "
                "'mentions: all' would put that many links on its pages; remove a very common "
                "alias, or set mentions: first",
                "noisy-alias",
            ))
    return found
