"""The actors' network drawn as SVG: the whole graph for ``network/`` and the local graph of
one actor for its page.

Nodes are links to actor pages, sized by how many links they have and coloured by kind; links
are lines as thick as their weight, solid for briefs together and affiliations, green-dashed
for a shared stance, red-dotted for opposed ones. Each node and line carries what the filter
script reads (kind, topics, weight, link kinds). Positions come from
:func:`briefbook.index.network.force_layout` (the whole graph) or a circle (the local graph).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from briefbook.views.pictures.svg import Frame, attrs, esc, figure, num, shorten

NAME_CHARS = 28  # a name on the picture is shortened to this many characters
NAME_CHAR_WIDTH = 6.5  # px a character of a name (11 px) takes at most, on average


@dataclass(frozen=True)
class Node:
    """An actor as drawn: ``x`` and ``y`` in the unit square."""

    id: str
    label: str
    kind: str
    kind_label: str
    href: str | None
    x: float = 0.5
    y: float = 0.5
    degree: int = 0
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    """A link as drawn: its two ends, weight, kinds and the reason in words (``why``)."""

    a: str
    b: str
    weight: int
    kinds: tuple[str, ...]
    why: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class NetworkLabels:
    title: str
    description: str
    alternative: str
    first: str
    second: str
    why: str
    weight: str
    zoom_in: str = "Zoom in"
    zoom_out: str = "Zoom out"
    zoom_reset: str = "Fit"


def network_svg(
    nodes: Sequence[Node], edges: Sequence[Edge], labels: NetworkLabels,
    prefix: str = "bb-net", width: float = 1000, height: float = 760, named: int = 60,
    topic_codes: dict[str, str] | None = None,
) -> str:
    """The whole network: ``edges`` in the order given (strongest first), drawn weakest
    underneath; the ``named`` best-linked nodes carry a visible name, every node a tooltip and
    an accessible name. A ``<details>`` table lists the edges as the text alternative.

    ``topic_codes`` (topic id → a short code) writes each node's and edge's topics as
    ``data-topics="3 17"`` for the filter, which keeps a page of 1,000 actors small."""
    codes = topic_codes or {}
    if not nodes:
        return ""
    margin = 40.0
    place = {n.id: (margin + n.x * (width - 2 * margin), margin + n.y * (height - 2 * margin))
             for n in nodes}
    top_weight = max((e.weight for e in edges), default=1)
    body = ['<g class="bb-net-edges">']
    for edge in reversed(edges):
        if edge.a in place and edge.b in place:
            body.append(_edge(edge, place, top_weight, codes))
    body.append("</g>")
    ranked = sorted(nodes, key=lambda n: (-n.degree, n.label.casefold(), n.id))
    visible = {n.id for n in ranked[:named]}
    body.append('<g class="bb-net-nodes">')
    for node in sorted(nodes, key=lambda n: (n.degree, n.id)):  # best linked on top
        x, y = place[node.id]
        body.append(_node(node, x, y, node.id in visible, codes=codes,
                          left=_name_passes_right(node, x, width)))
    body.append("</g>")
    frame = Frame("network", prefix, labels.title, labels.description, labels.zoom_in,
                  labels.zoom_out, labels.zoom_reset)
    names = {n.id: n for n in nodes}
    return figure(frame, "".join(body), width, height, _table(edges, names, labels))


def local_graph_svg(
    centre: Node, neighbours: Sequence[tuple[Node, Edge]], labels: NetworkLabels,
    prefix: str = "bb-local", size: float = 420,
) -> str:
    """One actor in the middle and its neighbours on a circle, strongest link first from the
    top, clockwise; each line says why the two are linked. Nothing without neighbours."""
    if not neighbours:
        return ""
    width, height = size + 360, size  # room for names left and right
    cx, cy, radius = width / 2, height / 2, size / 2 - 40
    place = {centre.id: (cx, cy)}
    count = len(neighbours)
    for number, (node, _) in enumerate(neighbours):
        angle = -math.pi / 2 + 2 * math.pi * number / count
        place[node.id] = (cx + radius * 1.35 * math.cos(angle), cy + radius * math.sin(angle))
    top_weight = max(edge.weight for _, edge in neighbours)
    body = ['<g class="bb-net-edges">']
    body += [_edge(edge, place, top_weight, {}) for _, edge in reversed(neighbours)]
    body.append('</g><g class="bb-net-nodes">')
    for node, _ in neighbours:
        x, y = place[node.id]
        body.append(_node(node, x, y, True, left=x < cx - 1))
    body.append(_node(centre, cx, cy, True, centre=True))
    body.append("</g>")
    frame = Frame("local-network", prefix, labels.title, labels.description)
    names = {centre.id: centre, **{n.id: n for n, _ in neighbours}}
    table = _table([edge for _, edge in neighbours], names, labels)
    return figure(frame, "".join(body), width, height, table, zoom=False)


def _edge(edge: Edge, place: dict[str, tuple[float, float]], top_weight: int,
          codes: dict[str, str]) -> str:
    (x1, y1), (x2, y2) = place[edge.a], place[edge.b]
    stroke = 0.8 + 4.2 * math.sqrt(edge.weight / max(top_weight, 1))
    kind = ("opposed" if edge.kinds == ("opposed",) else
            "shared" if edge.kinds == ("shared",) else
            "affiliation" if "affiliation" in edge.kinds else "briefs")
    data = attrs(data_a=edge.a, data_b=edge.b, data_weight=str(edge.weight),
                 data_kinds=" ".join(edge.kinds), data_topics=_codes(edge.topics, codes))
    return (f'<line class="bb-net-edge bb-net-edge--{kind}"{data}'
            f'{attrs(x1=x1, y1=y1, x2=x2, y2=y2, stroke_width=stroke)}>'
            f"<title>{esc(edge.why)}</title></line>")


def _node(node: Node, x: float, y: float, named: bool, centre: bool = False,
          left: bool = False, codes: dict[str, str] | None = None) -> str:
    radius = _radius(node, centre)
    label = f"{node.label} ({node.kind_label})"
    text = ""
    if named:
        at = attrs(x=x - radius - 3, y=y + 4, text_anchor="end") if left else \
            attrs(x=x + radius + 3, y=y + 4)
        text = f'<text class="bb-net-label"{at}>{esc(shorten(node.label, NAME_CHARS))}</text>'
    css = f"bb-net-node bb-net-node--{esc(node.kind)}" + (" bb-net-node--centre" if centre else "")
    data = attrs(data_bb_node=node.id, data_kind=node.kind,
                 data_topics=_codes(node.topics, codes) if codes else None)
    shape = f'<circle class="bb-net-dot"{attrs(cx=x, cy=y, r=radius)}/>'
    inner = f"<title>{esc(label)}</title>{shape}{text}"
    if node.href and not centre:
        # the <title> child names the link for screen readers (SVG-AAM)
        return f'<a class="{css}" xlink:href="{esc(node.href)}"{data}>{inner}</a>'
    return f'<g class="{css}"{data}>{inner}</g>'


def _radius(node: Node, centre: bool = False) -> float:
    return 9.0 if centre else 3.5 + min(6.0, math.sqrt(node.degree))


def _name_passes_right(node: Node, x: float, width: float) -> bool:
    """The node's name, written to its right, would run past the picture's edge (which clips
    it), and fits on its left."""
    room = len(shorten(node.label, NAME_CHARS)) * NAME_CHAR_WIDTH + _radius(node) + 3
    return x + room > width and x - room >= 0


def _codes(topics: Sequence[str], codes: dict[str, str]) -> str | None:
    """Topics as their codes, space-separated; None (no attribute) when there are none."""
    found = [codes[t] for t in topics if t in codes]
    return " ".join(found) if found else None


def _table(edges: Sequence[Edge], nodes: dict[str, Node], labels: NetworkLabels) -> str:
    def cell(actor: str) -> str:
        node = nodes.get(actor)
        if node is None:
            return esc(actor)
        return f'<a href="{esc(node.href)}">{esc(node.label)}</a>' if node.href \
            else esc(node.label)

    rows = "".join(
        f'<tr data-a="{esc(e.a)}" data-b="{esc(e.b)}"><td>{cell(e.a)}</td><td>{cell(e.b)}</td>'
        f"<td>{esc(e.why)}</td><td>{e.weight}</td></tr>"
        for e in edges
    )
    return (
        f'<details class="bb-pic-alt"><summary>{esc(labels.alternative)}</summary><table>'
        f'<thead><tr><th scope="col">{esc(labels.first)}</th><th scope="col">'
        f'{esc(labels.second)}</th><th scope="col">{esc(labels.why)}</th>'
        f'<th scope="col">{esc(labels.weight)}</th></tr></thead><tbody>{rows}</tbody>'
        f"</table></details>"
    )


__all__ = ["Edge", "NetworkLabels", "Node", "local_graph_svg", "network_svg", "num"]
