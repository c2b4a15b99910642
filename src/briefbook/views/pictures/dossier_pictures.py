"""The pictures of a dossier's pages: the model and index turned into the plain records the
drawing functions take (marks, lanes, strips, nodes), with links and labels for one page."""

from __future__ import annotations

from collections.abc import Sequence

from briefbook.index.chronology import TimelineEntry
from briefbook.index.network import Link
from briefbook.model.dossier import Actor
from briefbook.views.claims import grade_of
from briefbook.views.context import ViewContext
from briefbook.views.pictures.network import Edge, NetworkLabels, Node, local_graph_svg
from briefbook.views.pictures.stance_strip import (
    StancePoint,
    StanceRow,
    StripLabels,
    stance_strip_svg,
)
from briefbook.views.pictures.svg import esc
from briefbook.views.pictures.timeline_svg import Lane, Mark, TimelineLabels, timeline_svg

TIMELINE = "timeline"  # the timeline's section (views.timeline.SECTION, which imports this)


def timeline_labels(ctx: ViewContext, name: str, lanes: str, listed: bool) -> TimelineLabels:
    t = ctx.t
    lane_word = t("pic_lanes_actor") if lanes == "actor" else t("pic_lanes_topic")
    description = t("pic_timeline_list_desc", lanes=lane_word) if listed else \
        t("pic_timeline_desc", lanes=lane_word)
    return TimelineLabels(
        # the timeline's own page is named "Timeline": not "Timeline of Timeline"
        title=(t("pic_timeline_page_title", name=name) if listed
               else t("pic_timeline_title", name=name)),
        description=description,
        other_lane=t("pic_other_lane"), source=t("source"), date=t("published"),
        event=t("pic_event"), lanes=t("pic_lanes"), alternative=t("pic_as_table"),
        zoom_in=t("pic_zoom_in"), zoom_out=t("pic_zoom_out"), zoom_reset=t("pic_zoom_reset"),
    )


def timeline_picture(
    ctx: ViewContext, src: str, entries: Sequence[TimelineEntry], lanes: str, name: str,
    homes: dict[str, str] | None = None, prefix: str = "bb-tl-pic", listed: bool = False,
) -> str:
    """The visual timeline of ``entries`` for the page ``src``, lanes by ``actor`` or ``topic``.

    A mark links to its event: on this page when ``listed`` (the timeline page, whose list
    has an anchor per event), else on the timeline page that holds it (``homes``: entry id →
    page), else to the brief that reports it.
    """
    lane_of = ctx.dossier.actors if lanes == "actor" else ctx.dossier.topics
    all_lanes: dict[str, Lane] = {}
    marks = []
    for entry in entries:
        keys = entry.actors if lanes == "actor" else entry.topics
        for key in keys:
            if key not in all_lanes:
                record = lane_of.get(key)
                label = (record.name if isinstance(record, Actor) else record.title) \
                    if record else key
                href = ctx.urls.actor(src, key) if lanes == "actor" else ctx.urls.topic(src, key)
                all_lanes[key] = Lane(key, label, href)
        brief = ctx.dossier.briefs.get(entry.brief)
        source_href = ctx.urls.brief(src, entry.brief) if brief else ""
        anchor = f"ev-{entry.id}"
        if listed:
            href = f"#{anchor}"
        elif homes and entry.id in homes and TIMELINE in ctx.urls.sections:
            href = ctx.urls.link(src, homes[entry.id], anchor=anchor)
        else:
            href = source_href
        grade = grade_of(ctx, entry.brief)
        marks.append(Mark(
            id=entry.id, title=entry.title, date=entry.date, end=entry.end, href=href,
            lanes=keys, source=brief.title if brief else "", source_href=source_href,
            date_label=ctx.renderer.format_range(entry.date, entry.end),
            grade=grade.label if grade else "", actors=entry.actors, topics=entry.topics,
            tags=entry.tags,
        ))
    return timeline_svg(marks, all_lanes, timeline_labels(ctx, name, lanes, listed),
                        ctx.renderer.format_date, prefix=prefix, table=not listed)


def strip_labels(ctx: ViewContext, name: str, rows: str) -> StripLabels:
    t = ctx.t
    return StripLabels(
        title=t("stances_title", name=name),
        description=t("stances_desc", rows=t("stances_row_topic") if rows == "topic"
                      else t("stances_row_actor")),
        alternative=t("pic_as_table"),
        row=t("topic") if rows == "topic" else t("network_first"),
        date=t("published"), stance=t("pic_stance"), brief=t("pic_brief"), grade=t("grade"),
        changed=t("stances_changed", stance="{stance}"),
    )


POINTS_PER_STRIP = 16
STRIPS_PER_ACTOR = 12


def stance_rows(ctx: ViewContext, src: str, keys: Sequence[tuple[str, str]],
                by: str, per_row: int = POINTS_PER_STRIP) -> list[StanceRow]:
    """A strip per (actor, topic) pair of ``keys``, named by its topic (``by="topic"``) or
    its actor, with its latest ``per_row`` positions oldest first and changes of stance
    marked (a change is judged against the position before it, drawn or not)."""
    rows = []
    for actor_id, topic_id in keys:
        record = ctx.stances.get((actor_id, topic_id))
        if record is None:
            continue
        points = []
        before = None
        for position in record.history:
            brief = ctx.dossier.briefs.get(position.brief)
            grade = grade_of(ctx, position.brief)
            changed = before is not None and before is not position.stance
            points.append(StancePoint(
                date=position.date, stance=position.stance.value,
                stance_label=ctx.t.label(position.stance),
                href=ctx.urls.brief(src, position.brief),
                brief=brief.title if brief else position.brief,
                grade=grade.label if grade else "",
                changed_from=ctx.t.label(before) if changed and before else "",
                date_label=ctx.renderer.format_date(position.date),
            ))
            before = position.stance
        points = points[-per_row:]
        if by == "topic":
            topic = ctx.dossier.topics.get(topic_id)
            rows.append(StanceRow(topic_id, topic.title if topic else topic_id,
                                  ctx.urls.topic(src, topic_id), tuple(points)))
        else:
            actor = ctx.dossier.actors.get(actor_id)
            rows.append(StanceRow(actor_id, actor.name if actor else actor_id,
                                  ctx.urls.actor(src, actor_id), tuple(points)))
    return rows


def actor_stances_picture(ctx: ViewContext, src: str, actor: Actor) -> str:
    """An actor's stances on each of its topics through time (a strip per topic)."""
    topics = dict.fromkeys(p.topic for p in ctx.index.positions_by_actor.get(actor.id, ()))
    keys = sorted(((actor.id, t) for t in topics),
                  key=lambda key: ctx.stances[key].latest.date.sort_key, reverse=True)
    picture = stance_strip_svg(stance_rows(ctx, src, keys[:STRIPS_PER_ACTOR], "topic"),
                               strip_labels(ctx, actor.name, "topic"),
                               ctx.renderer.format_date, prefix="bb-strip")
    return _capped_note(ctx, keys, STRIPS_PER_ACTOR) + picture if picture else ""


def _capped_note(ctx: ViewContext, keys: Sequence[tuple[str, str]], rows: int) -> str:
    """Says what is left out when there are more strips, or longer ones, than are drawn."""
    total = sum(len(ctx.stances[key].history) for key in keys)
    drawn = sum(min(POINTS_PER_STRIP, len(ctx.stances[key].history)) for key in keys[:rows])
    if drawn == total:
        return ""
    text = ctx.t("stances_capped", points=POINTS_PER_STRIP, rows=min(rows, len(keys)),
                 total=total)
    return f'<p class="bb-muted">{esc(text)}</p>'


def topic_stances_picture(ctx: ViewContext, src: str, topic_id: str, title: str,
                          limit: int = 40) -> str:
    """Every actor's stance on a topic through time, the ``limit`` best documented actors."""
    actors = dict.fromkeys(p.actor for p in ctx.index.positions_by_topic.get(topic_id, ()))
    keys = [(a, topic_id) for a in actors if (a, topic_id) in ctx.stances]
    keys.sort(key=lambda key: (-len(ctx.stances[key].history), key[0]))
    shown = keys[:limit]
    note = _capped_note(ctx, keys, limit)
    if len(shown) < len(keys):
        text = ctx.t("stances_rows_shown", shown=len(shown), total=len(keys))
        note += f'<p class="bb-muted">{esc(text)}</p>'
    rows = stance_rows(ctx, src, shown, "actor")
    picture = stance_strip_svg(rows, strip_labels(ctx, title, "actor"), ctx.renderer.format_date,
                               prefix="bb-strip")
    return note + picture if picture else ""


def network_labels(ctx: ViewContext, title: str, description: str) -> NetworkLabels:
    t = ctx.t
    return NetworkLabels(
        title=title, description=description, alternative=t("pic_as_table"),
        first=t("network_first"), second=t("network_second"), why=t("network_why"),
        weight=t("network_weight"), zoom_in=t("pic_zoom_in"), zoom_out=t("pic_zoom_out"),
        zoom_reset=t("pic_zoom_reset"),
    )


def link_reason(ctx: ViewContext, link: Link) -> str:
    """Why two actors are linked, in words: membership, briefs together, stances."""
    actors, topics = ctx.dossier.actors, ctx.dossier.topics

    def name(actor_id: str) -> str:
        return actors[actor_id].name if actor_id in actors else actor_id

    def titles(ids: Sequence[str]) -> str:
        return ", ".join(topics[i].title if i in topics else i for i in ids)

    parts = []
    if link.affiliated:
        a = actors.get(link.a)
        member, group = (link.a, link.b) if a and link.b in a.affiliations else (link.b, link.a)
        parts.append(ctx.t("network_why_member", member=name(member), group=name(group)))
    if link.briefs:
        parts.append(ctx.t.plural("network_why_briefs", link.briefs))
    if link.shared:
        parts.append(ctx.t("network_why_shared", topics=titles(link.shared)))
    if link.opposed:
        parts.append(ctx.t("network_why_opposed", topics=titles(link.opposed)))
    return f"{name(link.a)} — {name(link.b)}: " + "; ".join(parts)


def actor_node(ctx: ViewContext, src: str, actor_id: str, x: float = 0.5, y: float = 0.5,
               degree: int = 0) -> Node:
    actor = ctx.dossier.actors.get(actor_id)
    kind = actor.kind.value if actor else ""
    topics = tuple(sorted({p.topic for p in ctx.index.positions_by_actor.get(actor_id, ())}))
    return Node(actor_id, actor.name if actor else actor_id, kind,
                ctx.t.label(actor.kind) if actor else "",
                ctx.urls.actor(src, actor_id), x, y, degree, topics)


def edge_of(ctx: ViewContext, link: Link) -> Edge:
    return Edge(link.a, link.b, link.weight, link.kinds, link_reason(ctx, link), link.topics)


def local_graph_picture(ctx: ViewContext, src: str, actor: Actor, links: Sequence[Link],
                        limit: int = 12) -> str:
    """The actor's ``limit`` strongest links, around it."""
    shown = list(links[:limit])
    neighbours = [(actor_node(ctx, src, link.other(actor.id)), edge_of(ctx, link))
                  for link in shown]
    labels = network_labels(ctx, ctx.t("network_local_title", name=actor.name),
                            ctx.t("network_local_desc", name=actor.name))
    return local_graph_svg(actor_node(ctx, src, actor.id), neighbours, labels)
