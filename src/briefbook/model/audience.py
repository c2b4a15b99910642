"""Audiences: who may read what, from an ordered list the dossier declares.

A dossier declares its audiences from the most open to the most restricted (for instance
``public < partners < internal``). A brief, an actor, a topic, and a position, event or
question entry inside a brief may carry an ``audience``; a site built for one audience holds
everything marked for it or for a more open one, and nothing else. Without a declaration the
dossier has one audience and nothing is ever left out. Pure values, no behaviour beyond ranks.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefbook.model.diagnostics import Location

# The name of a mark written with no value (``audience:``): not an id any dossier can declare,
# so it ranks above every audience and the item is in no site; validation reports it.
NO_VALUE = "(no value)"

@dataclass(frozen=True, slots=True)
class AudienceMark:
    """An ``audience:`` as a file writes it, and where (for diagnostics)."""

    name: str
    location: Location


@dataclass(frozen=True, slots=True)
class Audiences:
    """The dossier's audiences, most open first; empty when it declares none."""

    names: tuple[str, ...] = ()

    @property
    def declared(self) -> bool:
        return bool(self.names)

    @property
    def most_open(self) -> str:
        return self.names[0] if self.names else ""

    def rank(self, name: str) -> int:
        """0 for the most open audience; an unmarked item counts as the most open one.

        An unknown name (validation reports it) ranks above every audience, so that a
        misspelt mark never makes an item more widely read than its author meant."""
        if not name:
            return 0
        try:
            return self.names.index(name)
        except ValueError:
            return len(self.names)

    def mark_rank(self, mark: AudienceMark | None) -> int:
        return self.rank(mark.name) if mark is not None else 0

    def effective(self, mark: AudienceMark | None, enclosing: int = 0) -> int:
        """The rank of an item inside something of rank ``enclosing`` (a position in a brief):
        the item's own mark when it is more restricted, else the enclosing one."""
        return max(self.mark_rank(mark), enclosing)
