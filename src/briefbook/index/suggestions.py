"""Suggestions drawn from the index: notes that help an analyst, never failing a build."""

from __future__ import annotations

from briefbook.index.lookups import Index
from briefbook.model.diagnostics import Diagnostic, Location, Severity
from briefbook.model.dossier import Brief


def _location(brief: Brief, offset: int) -> Location:
    """The file position of ``brief.body[offset]``."""
    return Location.in_text(brief.location.path, brief.body, offset, brief.body_line)


def unlisted_mentions(index: Index) -> list[Diagnostic]:
    """A note for each actor a brief's text names but that neither its ``actors`` nor its
    positions or events list, pointing at the first mention."""
    notes: list[Diagnostic] = []
    actors = index.dossier.actors
    for brief in index.dossier.briefs.values():
        listed = set(index.involved_actors(brief))
        for stat in index.mentions_by_brief.get(brief.id, {}).values():
            if stat.actor in listed:
                continue
            name = actors[stat.actor].name if stat.actor in actors else stat.actor
            times = "once" if stat.count == 1 else f"{stat.count} times"
            notes.append(Diagnostic(
                _location(brief, stat.offset),
                Severity.NOTE,
                f"the text names {name} {times} but 'actors' does not list '{stat.actor}'; "
                "add it if the brief is about this actor",
                "unlisted-mention",
            ))
    return notes
