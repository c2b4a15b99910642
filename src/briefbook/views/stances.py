"""Where each actor stands on each topic now, and how it got there.

One linear pass over the positions of the dossier; shared by the positions matrix, the topic
pages, the overview and the exports.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefbook.index.lookups import Index
from briefbook.model.dossier import Position, Stance


@dataclass(frozen=True, slots=True)
class StanceRecord:
    """An actor's positions on one topic, oldest first; the last one is the current stance."""

    actor: str
    topic: str
    history: tuple[Position, ...]

    @property
    def latest(self) -> Position:
        return self.history[-1]

    @property
    def stance(self) -> Stance:
        return self.latest.stance

    @property
    def stance_path(self) -> tuple[Stance, ...]:
        """The stances taken in date order, repeats of the same stance collapsed."""
        path: list[Stance] = []
        for position in self.history:
            if not path or path[-1] is not position.stance:
                path.append(position.stance)
        return tuple(path)

    @property
    def changed(self) -> bool:
        return len(self.stance_path) > 1

    @property
    def previous(self) -> Position | None:
        """The latest position whose stance differs from the current one, if the stance changed."""
        for position in reversed(self.history):
            if position.stance is not self.stance:
                return position
        return None


def position_order(positions: list[Position]) -> list[Position]:
    """Oldest first. The index lists positions newest brief first, so equal dates keep the
    older brief first once the list is reversed and stably sorted by date."""
    return sorted(reversed(positions), key=lambda p: p.date.sort_key)


def stance_records(index: Index) -> dict[tuple[str, str], StanceRecord]:
    """Every (actor, topic) pair with at least one position, keyed by ``(actor, topic)``."""
    grouped: dict[tuple[str, str], list[Position]] = {}
    for actor, positions in index.positions_by_actor.items():
        for position in positions:
            grouped.setdefault((actor, position.topic), []).append(position)
    return {
        key: StanceRecord(key[0], key[1], tuple(position_order(positions)))
        for key, positions in grouped.items()
    }
