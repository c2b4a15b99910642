"""The pictures as pure functions: timeline marks, the network and its layout, stance strips,
previews and tag anchors. No MkDocs here; built-site and browser tests are elsewhere."""

from __future__ import annotations

import datetime as _dt
import itertools
import math
import random
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from briefbook.export.previews import shard_of
from briefbook.index.network import (
    MAX_ACTORS_PER_STANCE,
    Link,
    actor_links,
    force_layout,
    links_by_actor,
)
from briefbook.model.dates import FuzzyDate
from briefbook.model.diagnostics import Location
from briefbook.model.dossier import Actor, ActorKind, Dossier, Stance
from briefbook.views.pictures.network import Edge, NetworkLabels, Node, local_graph_svg, network_svg
from briefbook.views.pictures.stance_strip import (
    StancePoint,
    StanceRow,
    StripLabels,
    midpoint,
    stance_strip_svg,
)
from briefbook.views.pictures.timeline_svg import (
    Lane,
    Mark,
    TimelineLabels,
    choose_lanes,
    extent,
    timeline_svg,
)
from briefbook.views.tags import tag_anchors

LABELS = TimelineLabels("Timeline", "Events in lanes", "Others", "Source", "Date", "Event",
                        "Lanes", "As a table")
D = FuzzyDate.parse
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def svg_tree(html: str) -> ET.Element:
    """The ``<svg>`` of a figure, parsed as XML (so it must be well formed)."""
    match = re.search(r"<svg.*?</svg>", html, re.S)
    assert match, html[:200]
    text = match.group(0).replace("<svg ", '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ', 1)
    return ET.fromstring(text)


def marks_of(tree: ET.Element) -> list[ET.Element]:
    return [a for a in tree.iter(f"{SVG}a") if a.get("data-bb-mark")]


def mark(id_: str, date: str, end: str | None = None, lanes=("nato",), **extra) -> Mark:
    return Mark(id=id_, title=f"Event {id_}", date=D(date), end=D(end) if end else None,
                href=f"#ev-{id_}", lanes=lanes, source="A brief", source_href="../b/",
                actors=lanes, **extra)


LANES = {"nato": Lane("nato", "NATO", "../actors/nato/"), "un": Lane("un", "UN", None)}


def draw(marks, lanes=LANES, **options) -> str:
    return timeline_svg(marks, lanes, LABELS, lambda d: d.isoformat(), **options)


def x_extent(element: ET.Element) -> tuple[float, float]:
    shape = next(c for c in element if c.tag != f"{SVG}title")
    if shape.tag == f"{SVG}circle":
        return float(shape.get("cx")), float(shape.get("cx"))
    x = float(shape.get("x"))
    return x, x + float(shape.get("width"))


# -- the visual timeline ---------------------------------------------------------------------
def test_uncertain_dates_are_drawn_as_what_they_are():
    html = draw([
        mark("day", "2025-03-10"),
        mark("month", "2025-04"),
        mark("circa", "~2025-05-20"),
        mark("range", "2025-03-01", "2025-03-31"),
        mark("circa-range", "~2025-06", "2025-07-15"),
    ])
    tree = svg_tree(html)
    by_id = {a.get("data-bb-mark"): a for a in marks_of(tree)}
    shapes = {k: next(c for c in a if c.tag != f"{SVG}title") for k, a in by_id.items()}
    assert shapes["day"].tag == f"{SVG}circle"
    assert "bb-pic-span" in shapes["month"].get("class")
    assert "bb-pic-bar" in shapes["range"].get("class")
    # circa: fading edges (a gradient fill), both ends for a circa day, the start only here
    assert "soft-both" in shapes["circa"].get("style")
    assert "soft-start" in shapes["circa-range"].get("style")
    assert "style" not in shapes["month"].attrib and "style" not in shapes["range"].attrib
    # a month spans its days: as wide as March's range drawn from the 1st to the 31st
    month_x = x_extent(by_id["month"])
    range_x = x_extent(by_id["range"])
    assert month_x[1] - month_x[0] == pytest.approx((range_x[1] - range_x[0]) * 30 / 31, rel=0.05)
    assert range_x[1] <= month_x[0] + 1  # March ends where April starts
    # a circa day is widened by a week each side
    circa_x = x_extent(by_id["circa"])
    day_width = (range_x[1] - range_x[0]) / 31
    assert circa_x[1] - circa_x[0] == pytest.approx(15 * day_width, rel=0.05)


def test_extent_widens_circa_edges_only():
    exact = extent(D("2025-04"))
    circa = extent(D("~2025-04"))
    assert (exact.first, exact.last) == (_dt.date(2025, 4, 1), _dt.date(2025, 4, 30))
    assert circa.first == _dt.date(2025, 3, 17) and circa.last == _dt.date(2025, 5, 15)
    ranged = extent(D("2025-04-02"), D("~2025-05"))
    assert ranged.shape == "bar" and not ranged.soft_start and ranged.soft_end


def test_marks_are_links_to_their_event_naming_their_source_with_filter_data():
    tree = svg_tree(draw([mark("a", "2025-03-10", lanes=("nato", "un"), tags=("isr",))]))
    links = marks_of(tree)
    assert len(links) == 2  # one per lane
    first, second = links
    assert first.get(XLINK) == "#ev-a"
    assert first.get("aria-label") == "2025-03-10 — Event a (Source: A brief)"
    assert first.get("data-actors") == '["nato", "un"]'
    assert first.get("data-tags") == '["isr"]'
    assert "tabindex" not in first.attrib
    # the copy in the second lane is skipped by the keyboard and by screen readers
    assert second.get("tabindex") == "-1" and second.get("aria-hidden") == "true"


def test_text_alternative_lists_every_event_with_its_source():
    html = draw([mark("a", "2025-03-10"), mark("b", "2025-04")])
    assert 'aria-labelledby="bb-tl-pic-title"' in html
    assert '<desc id="bb-tl-pic-desc">Events in lanes</desc>' in html
    table = html[html.index("<details"):]
    assert table.count("<tr data-bb-row=") == 2
    assert '<a href="#ev-b">Event b</a>' in table and '<a href="../b/">A brief</a>' in table
    assert "<details" not in draw([mark("a", "2025-03-10")], table=False)


def test_lanes_are_capped_and_the_rest_go_to_others():
    lanes = {f"a{i:02d}": Lane(f"a{i:02d}", f"Actor {i:02d}") for i in range(30)}
    marks = [mark(f"m{i}", "2025-01-01", lanes=(f"a{i % 30:02d}",)) for i in range(300)]
    marks += [mark("extra", "2025-02-01", lanes=("a00",))]
    chosen = choose_lanes(marks, lanes, 5)
    assert chosen[0].key == "a00" and len(chosen) == 5
    html = draw(marks, lanes, max_lanes=5)
    names = re.findall(r'class="bb-pic-lane"[^>]*>([^<]*)<', html)
    assert names[-1] == "Others" and len(names) == 6


def test_same_input_same_bytes_and_hostile_text_escaped():
    hostile = Mark(id="x", title='<script>alert(1)</script>"', date=D("2025-01"), href="#ev-x",
                   lanes=("nato",), source="</svg><img src=x onerror=alert(1)>")
    first = draw([hostile, mark("a", "2025-03-10")])
    assert first == draw([hostile, mark("a", "2025-03-10")])
    assert "<script>" not in first and "<img" not in first
    svg_tree(first)  # still well formed


def test_long_span_scrolls_rather_than_squeezes():
    html = draw([mark("a", "2015-01-01"), mark("b", "2025-12-31")])
    tree = svg_tree(html)
    assert float(tree.get("width")) > 5000
    assert 'class="bb-pic-tools" hidden' in html  # zoom buttons, shown by the script
    ticks = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="22">', html)]
    assert len(ticks) > 30  # months along eleven years …
    assert min(b - a for a, b in itertools.pairwise(ticks)) >= 100  # … never crowded
    squeezed = draw([mark("a", "1900"), mark("b", "2025")])
    assert ">1900</text>" in squeezed and ">1901</text>" not in squeezed  # years, spaced



def test_no_tick_label_runs_past_the_right_edge():
    """The last tick sits at the picture's right end, where its label would be clipped."""
    html = draw([mark("a", "2025-02-03"), mark("b", "2025-05-20")])
    width = float(svg_tree(html).get("width"))
    ticks = re.findall(r'<text x="([\d.]+)" y="22">([^<]+)</text>', html)
    assert ticks[0][1] == "2025-02"
    assert "2025-06" not in [label for _, label in ticks]  # the tick is there, not its name
    assert html.count('class="bb-pic-grid"') == len(ticks) + 1
    assert all(float(x) + 7 * len(label) <= width for x, label in ticks)


# -- the network -----------------------------------------------------------------------------
def _actor(actor_id: str, affiliations=()) -> Actor:
    return Actor(actor_id, actor_id.title(), ActorKind.STATE, Location("x.md"),
                 affiliations=tuple(affiliations))


def test_links_say_why_and_are_strongest_first():
    dossier = Dossier(actors={a.id: a for a in (
        _actor("fr", ["eu"]), _actor("eu"), _actor("ru"), _actor("ch"))})
    together = {"fr": Counter({"eu": 4, "ru": 1}), "eu": Counter({"fr": 4}),
                "ru": Counter({"fr": 1})}
    stances = {("fr", "t"): Stance.SUPPORTS, ("eu", "t"): Stance.SUPPORTS,
               ("ru", "t"): Stance.OPPOSES, ("ch", "t"): Stance.NEUTRAL,
               ("fr", "u"): Stance.NEUTRAL, ("ru", "u"): Stance.NEUTRAL}
    links = actor_links(dossier, together, stances)
    by_pair = {(link.a, link.b): link for link in links}
    eu_fr = by_pair[("eu", "fr")]
    assert eu_fr.affiliated and eu_fr.briefs == 4 and eu_fr.shared == ("t",)
    assert eu_fr.weight == 4 + 3 + 2 and eu_fr.kinds == ("affiliation", "briefs", "shared")
    assert by_pair[("fr", "ru")].opposed == ("t",) and by_pair[("eu", "ru")].kinds == ("opposed",)
    assert not any("ch" in (link.a, link.b) for link in links)  # neutral is no tie
    assert links[0] == eu_fr
    assert [link.weight for link in links] == sorted((link.weight for link in links), reverse=True)
    assert links_by_actor(links)["ru"][0].other("ru") in {"fr", "eu"}


def test_crowded_topics_pair_a_bounded_number_of_actors():
    actors = {f"a{i:04d}": _actor(f"a{i:04d}") for i in range(1000)}
    stances = {(a, "t"): Stance.SUPPORTS for a in actors}
    links = actor_links(Dossier(actors=actors), {}, stances)
    assert len(links) == MAX_ACTORS_PER_STANCE * (MAX_ACTORS_PER_STANCE - 1) // 2


def test_layout_is_deterministic_bounded_and_pulls_links_together():
    rng = random.Random(5)
    nodes = [f"n{i:04d}" for i in range(1000)]
    edges = [(rng.choice(nodes[:500]), rng.choice(nodes[:500]), rng.randint(1, 5))
             for _ in range(1500)]
    first = force_layout(nodes, edges, seed=1, iterations=30)
    assert first == force_layout(list(reversed(nodes)), edges, seed=1, iterations=30)
    assert set(first) == set(nodes)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in first.values())

    def mean_distance(pairs) -> float:
        return sum(math.dist(first[a], first[b]) for a, b in pairs) / len(pairs)

    linked = [(a, b) for a, b, _ in edges if a != b]
    unrelated = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(1500)]
    assert mean_distance(linked) < 0.75 * mean_distance(unrelated)


NET_LABELS = NetworkLabels("Network", "Actors and links", "As a table", "Actor", "Linked to",
                           "Why", "Weight")


def test_network_draws_the_edges_given_and_names_the_best_linked():
    rng = random.Random(2)
    nodes = [Node(f"a{i:04d}", f"Actor {i}", "state", "State", f"../actors/a{i:04d}/",
                  rng.random(), rng.random(), degree=i % 7) for i in range(1000)]
    edges = [Edge(f"a{i:04d}", f"a{(i * 7) % 1000:04d}", 1000 - i, ("briefs",), f"why {i}")
             for i in range(600)]
    html = network_svg(nodes, edges, NET_LABELS, named=40)
    tree = svg_tree(html)
    assert len(list(tree.iter(f"{SVG}line"))) == 600
    assert len([t for t in tree.iter(f"{SVG}text") if t.get("class") == "bb-net-label"]) == 40
    assert len([a for a in tree.iter(f"{SVG}a") if a.get("data-bb-node")]) == 1000
    assert html.count("<tr data-a=") == 600
    assert html.index(">why 0<", html.index("<details")) < html.index(">why 1<",
                                                                       html.index("<details"))
    assert len(html.encode()) < 1_000_000
    assert html == network_svg(nodes, edges, NET_LABELS, named=40)


def test_a_name_at_the_right_edge_is_written_to_the_left_of_its_point():
    nodes = [Node("east", "An actor with a long name", "state", "State", None, 1.0, 0.5),
             Node("west", "A second long-named actor", "state", "State", None, 0.0, 0.5)]
    html = network_svg(nodes, [Edge("east", "west", 1, ("briefs",), "why")], NET_LABELS)
    names = {t.text: t for t in svg_tree(html).iter(f"{SVG}text")}
    east, west = names["An actor with a long name"], names["A second long-named actor"]
    assert east.get("text-anchor") == "end" and float(east.get("x")) < 960
    assert west.get("text-anchor") is None and float(west.get("x")) > 40


def test_local_graph_puts_the_actor_in_the_middle_with_reasons():
    centre = Node("nato", "NATO", "organisation", "Organisation", None)
    neighbours = [(Node(f"n{i}", f"N{i}", "state", "State", f"../n{i}/"),
                   Edge("nato", f"n{i}", 10 - i, ("briefs",), f"NATO — N{i}: {10 - i} briefs"))
                  for i in range(5)]
    html = local_graph_svg(centre, neighbours, NET_LABELS)
    tree = svg_tree(html)
    width, height = float(tree.get("width")), float(tree.get("height"))
    middle = [c for c in tree.iter(f"{SVG}circle")][-1]
    assert (float(middle.get("cx")), float(middle.get("cy"))) == (width / 2, height / 2)
    assert "NATO — N0: 10 briefs" in html and html.count("<tr data-a=") == 5
    assert local_graph_svg(centre, [], NET_LABELS) == ""


# -- stances over time -----------------------------------------------------------------------
STRIP_LABELS = StripLabels("Stances", "One strip per topic", "As a table", "Topic", "Date",
                           "Stance", "Brief", "Grade", "changed from {stance}")


def test_stance_strip_marks_changes_and_grades_and_links_briefs():
    points = (
        StancePoint(D("2024-01"), "opposes", "opposes", "../b1/", "Brief one", "B2"),
        StancePoint(D("2024-06-01"), "opposes", "opposes", "../b2/", "Brief two", ""),
        StancePoint(D("2025-02"), "supports", "supports", "../b3/", "Brief three", "C3",
                    changed_from="opposes"),
    )
    html = stance_strip_svg([StanceRow("t", "Topic T", "../t/", points)], STRIP_LABELS,
                            lambda d: d.isoformat())
    tree = svg_tree(html)
    links = [a for a in tree.iter(f"{SVG}a") if "bb-strip-point" in (a.get("class") or "")]
    assert [a.get(XLINK) for a in links] == ["../b1/", "../b2/", "../b3/"]
    assert [a.get("data-bb-grade") for a in links] == ["B2", "", "C3"]
    changed = [a for a in links if "changed" in a.get("class")]
    assert len(changed) == 1 and "changed from opposes" in changed[0].get("aria-label")
    assert len([c for c in tree.iter(f"{SVG}circle") if c.get("class") == "bb-strip-change"]) == 1
    grades = [t.text for t in tree.iter(f"{SVG}text") if t.get("class") == "bb-strip-grade"]
    assert grades == ["B2", "C3"]
    lines = [e for e in tree.iter(f"{SVG}line") if "bb-strip-line" in (e.get("class") or "")]
    assert [e.get("class").rsplit("--", 1)[1] for e in lines] == ["opposes", "opposes"]
    assert html.count("<tr data-bb-grade=") == 3
    assert stance_strip_svg([StanceRow("t", "T", None, ())], STRIP_LABELS, str) == ""


def test_point_sits_in_the_middle_of_its_date():
    assert midpoint(D("2025-04")) == _dt.date(2025, 4, 15)
    assert midpoint(D("2025-04-09")) == _dt.date(2025, 4, 9)


# -- previews and tags -----------------------------------------------------------------------
def test_preview_shards_match_the_script():
    # the same values as pictures.js's shardOf (31-multiplier over UTF-16 code units)
    assert shard_of("actor:nato", 7) == 5
    assert shard_of("brief:é", 5) == 0
    assert {shard_of(f"brief:{i}", 4) for i in range(100)} == {0, 1, 2, 3}


def test_tag_anchors_are_unique():
    anchors = tag_anchors(["ISR", "isr", "Défense", "defense"])
    assert len(set(anchors.values())) == 4
    assert anchors["Défense"].startswith("tag-defense")


def test_link_weight_counts_every_reason():
    assert Link("a", "b", briefs=2, affiliated=True, shared=("x",), opposed=("y",)).weight == 9
