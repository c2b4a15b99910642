"""Related briefs and related actors, ranked without comparing every pair of briefs.

Both work from the index's inverted lists, so their cost grows with the dossier, not with its
square: a brief looks only at a window of briefs nearest to it in each of its actors' and
topics' lists, and actor co-occurrence counts pairs within each brief's (small) set of actors.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter, defaultdict

from briefbook.index.lookups import Index
from briefbook.model.dossier import Brief

WINDOW = 40  # briefs considered per shared actor or topic, the nearest in date
MAX_ACTORS_PER_BRIEF = 30  # actors of one brief counted for co-occurrence


def related_briefs(index: Index, brief: Brief, limit: int = 5) -> list[tuple[Brief, float]]:
    """Briefs sharing actors or topics with ``brief``, best first, with their scores.

    A shared actor or topic weighs more the fewer briefs it appears in (an inverse document
    frequency), so that sharing a rare actor counts more than sharing the most common one.
    Ties go to the brief closest in date.
    """
    if limit <= 0:
        return []
    order = index.brief_order
    rank = order[brief.id]
    total = len(order)
    topics = dict.fromkeys((*brief.topics, *(p.topic for p in brief.positions)))
    lists = [index.briefs_by_actor.get(a, []) for a in index.involved_actors(brief)]
    lists += [index.briefs_by_topic.get(t, []) for t in topics]
    scores: dict[str, float] = defaultdict(float)
    for briefs in lists:
        if len(briefs) < 2:
            continue
        weight = math.log(1 + total / len(briefs))
        at = bisect_left(briefs, rank, key=lambda b: order[b.id])
        start = max(0, min(at - WINDOW // 2, len(briefs) - WINDOW))
        for other in briefs[start : start + WINDOW]:
            if other.id != brief.id:
                scores[other.id] += weight
    best = heapq.nsmallest(
        limit, scores, key=lambda b: (-scores[b], abs(order[b] - rank), order[b])
    )
    return [(index.dossier.briefs[b], scores[b]) for b in best]


def actor_cooccurrence(index: Index) -> dict[str, Counter[str]]:
    """For each actor, how many briefs it shares with each other actor.

    A brief's actors are those it lists (with its positions and events) and those its text
    names; a brief naming very many actors counts only its first :data:`MAX_ACTORS_PER_BRIEF`.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for brief in index.dossier.briefs.values():
        named = index.mentions_by_brief.get(brief.id, {})
        actors = list(dict.fromkeys((*index.involved_actors(brief), *named)))
        actors = actors[:MAX_ACTORS_PER_BRIEF]
        for actor in actors:
            together = counts[actor]
            for other in actors:
                if other != actor:
                    together[other] += 1
    return counts


def related_actors(
    cooccurrence: dict[str, Counter[str]], actor_id: str, limit: int = 8
) -> list[tuple[str, int]]:
    """The actors appearing most often in the same briefs as ``actor_id``, with the count."""
    together = cooccurrence.get(actor_id)
    if not together or limit <= 0:
        return []
    return heapq.nsmallest(limit, together.items(), key=lambda item: (-item[1], item[0]))
