"""The actors' network: who is linked to whom and why, and where each actor sits in a picture.

Links come from three things a dossier says: affiliations (a member and its organisation),
briefs that name two actors together (weighted by how many), and stances on a topic — the same
current stance (both support, both oppose …) or opposite ones (one supports, one opposes).

The layout is a force-directed one (Fruchterman and Reingold's, with their grid so that
repulsion looks only at near neighbours): linear in the nodes and links per iteration, run for
a fixed number of iterations from positions drawn with a fixed seed, and ordered by id
throughout, so the same dossier gives the same picture, byte for byte.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from briefbook.model.dossier import Dossier, Stance

AFFILIATION_WEIGHT = 3
STANCE_WEIGHT = 2
MAX_ACTORS_PER_STANCE = 60
"""Per topic and stance, only the actors with most positions are paired (bounded work)."""
SPRING = 0.1
"""How hard a link pulls its two ends together, against the repulsion of every node."""
OPPOSITE = {(Stance.SUPPORTS, Stance.OPPOSES), (Stance.OPPOSES, Stance.SUPPORTS)}


@dataclass(frozen=True, slots=True)
class Link:
    """Two actors (``a`` < ``b`` by id) and every reason the dossier gives to link them."""

    a: str
    b: str
    briefs: int = 0
    affiliated: bool = False
    shared: tuple[str, ...] = ()  # topics on which both hold the same current stance
    opposed: tuple[str, ...] = ()  # topics on which one supports and the other opposes

    @property
    def weight(self) -> int:
        return (self.briefs + AFFILIATION_WEIGHT * self.affiliated
                + STANCE_WEIGHT * (len(self.shared) + len(self.opposed)))

    @property
    def kinds(self) -> tuple[str, ...]:
        """``affiliation``, ``briefs``, ``shared``, ``opposed``: the reasons present."""
        present = (("affiliation", self.affiliated), ("briefs", self.briefs > 0),
                   ("shared", bool(self.shared)), ("opposed", bool(self.opposed)))
        return tuple(name for name, yes in present if yes)

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(sorted({*self.shared, *self.opposed}))

    def other(self, actor: str) -> str:
        return self.b if actor == self.a else self.a


def actor_links(
    dossier: Dossier,
    cooccurrence: Mapping[str, Counter[str]],
    stances: Mapping[tuple[str, str], Stance],
    positions_count: Mapping[tuple[str, str], int] | None = None,
) -> list[Link]:
    """Every link between two actors of the dossier, strongest first (ties by ids).

    ``stances`` maps (actor, topic) to the actor's current stance; ``positions_count`` (the
    number of positions behind it) picks, on a crowded topic, the
    :data:`MAX_ACTORS_PER_STANCE` best documented actors of each stance.
    """
    known = dossier.actors
    briefs: dict[tuple[str, str], int] = {}
    for actor, together in cooccurrence.items():
        for other, count in together.items():
            if actor < other and actor in known and other in known:
                briefs[(actor, other)] = count
    affiliated: set[tuple[str, str]] = set()
    for member in known.values():
        for parent in member.affiliations:
            if parent in known and parent != member.id:
                affiliated.add(_pair(member.id, parent))
    by_topic: dict[str, dict[Stance, list[str]]] = defaultdict(lambda: defaultdict(list))
    for (actor, topic), stance in sorted(stances.items()):
        if actor in known:
            by_topic[topic][stance].append(actor)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    opposed: dict[tuple[str, str], list[str]] = defaultdict(list)
    counts = positions_count or {}
    for topic in sorted(by_topic):
        groups = {
            stance: sorted(actors, key=lambda a: (-counts.get((a, topic), 1), a))
            [:MAX_ACTORS_PER_STANCE]
            for stance, actors in by_topic[topic].items()
        }
        for stance, actors in groups.items():
            if stance in (Stance.NEUTRAL, Stance.UNDECIDED):
                continue  # holding no view together is not a tie
            for i, first in enumerate(actors):
                for second in actors[i + 1:]:
                    shared[_pair(first, second)].append(topic)
        for first in groups.get(Stance.SUPPORTS, []):
            for second in groups.get(Stance.OPPOSES, []):
                opposed[_pair(first, second)].append(topic)
    pairs = set(briefs) | affiliated | set(shared) | set(opposed)
    links = [
        Link(a, b, briefs.get((a, b), 0), (a, b) in affiliated,
             tuple(shared.get((a, b), ())), tuple(opposed.get((a, b), ())))
        for a, b in pairs
    ]
    links.sort(key=lambda link: (-link.weight, link.a, link.b))
    return links


def links_by_actor(links: Iterable[Link]) -> dict[str, list[Link]]:
    """Each actor's links, strongest first (the order of ``links``)."""
    result: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        result[link.a].append(link)
        result[link.b].append(link)
    return result


def force_layout(
    nodes: Iterable[str],
    edges: Iterable[tuple[str, str, float]],
    seed: int = 1,
    iterations: int = 50,
) -> dict[str, tuple[float, float]]:
    """Positions in the unit square for ``nodes``, pulled together by weighted ``edges``.

    Deterministic: nodes are taken in id order, starting points come from ``random.Random
    (seed)``, and the iteration count is fixed. Unlinked nodes drift to the rim; a mild pull to
    the centre keeps separate groups on the picture.
    """
    order = sorted(set(nodes))
    if not order:
        return {}
    if len(order) == 1:
        return {order[0]: (0.5, 0.5)}
    rng = random.Random(seed)
    x = [rng.random() for _ in order]
    y = [rng.random() for _ in order]
    number = {node: i for i, node in enumerate(order)}
    springs = sorted(
        (number[a], number[b], 1.0 + math.log(max(weight, 1.0)))
        for a, b, weight in edges if a in number and b in number and a != b
    )
    count = len(order)
    k = math.sqrt(1.0 / count)
    cell = 1.5 * k
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx = [0.0] * count
        dy = [0.0] * count
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(count):
            grid[(int(x[i] // cell), int(y[i] // cell))].append(i)
        for (gx, gy), members in grid.items():
            near = [j for ox in (-1, 0, 1) for oy in (-1, 0, 1)
                    for j in grid.get((gx + ox, gy + oy), ())]
            for i in members:
                xi, yi = x[i], y[i]
                for j in near:
                    if j == i:
                        continue
                    ddx, ddy = xi - x[j], yi - y[j]
                    dist2 = ddx * ddx + ddy * ddy
                    if dist2 >= cell * cell:
                        continue
                    if dist2 < 1e-12:  # two nodes on one spot: part them by their order
                        ddx, ddy, dist2 = (1e-3 if i < j else -1e-3), 0.0, 1e-6
                    force = k * k / dist2
                    dx[i] += ddx * force
                    dy[i] += ddy * force
        for i, j, strength in springs:
            ddx, ddy = x[i] - x[j], y[i] - y[j]
            dist = math.sqrt(ddx * ddx + ddy * ddy) or 1e-6
            force = dist * strength * SPRING / k
            dx[i] -= ddx * force
            dy[i] -= ddy * force
            dx[j] += ddx * force
            dy[j] += ddy * force
        for i in range(count):
            dx[i] += (0.5 - x[i]) * k
            dy[i] += (0.5 - y[i]) * k
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if length > 0:
                step = min(length, temperature) / length
                x[i] += dx[i] * step
                y[i] += dy[i] * step
        temperature -= cooling
    return _normalised(order, x, y)


def _normalised(order: list[str], x: list[float], y: list[float]) -> dict[str, tuple[float, float]]:
    left, right, top, bottom = min(x), max(x), min(y), max(y)
    span_x, span_y = (right - left) or 1.0, (bottom - top) or 1.0
    return {
        node: (round((x[i] - left) / span_x, 4), round((y[i] - top) / span_y, 4))
        for i, node in enumerate(order)
    }


def _pair(first: str, second: str) -> tuple[str, str]:
    return (first, second) if first < second else (second, first)


__all__ = ["Link", "actor_links", "force_layout", "links_by_actor"]
