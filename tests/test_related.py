"""Related briefs and actors: ranked from inverted lists, never by comparing all pairs."""

from support import load_tree

from briefbook.index import related
from briefbook.index.related import actor_cooccurrence, related_actors, related_briefs

ACTORS = {
    f"briefs/actors/{a}.md": f"---\nname: {a.title()}\nkind: group\n---\n"
    for a in ("common", "rare", "other")
}


def _brief(ident, day, actors, body="x"):
    return (f"briefs/{ident}.md",
            f"---\ntitle: {ident}\ndate: '2025-01-{day:02d}'\nactors: [{', '.join(actors)}]\n"
            f"---\n{body}\n")


def test_rare_shared_actor_outweighs_a_common_one(tmp_path):
    files = dict(ACTORS)
    files.update([
        _brief("me", 10, ["common", "rare"]),
        _brief("shares-rare", 1, ["rare"]),
        _brief("shares-common", 9, ["common"]),
        *[_brief(f"filler{i}", 11 + i, ["common"]) for i in range(6)],
    ])
    result = load_tree(tmp_path, files)
    ranked = related_briefs(result.index, result.dossier.briefs["me"], limit=2)
    assert ranked[0][0].id == "shares-rare"
    assert related_briefs(result.index, result.dossier.briefs["me"], limit=0) == []


def test_only_a_window_of_a_frequent_actor_is_considered(tmp_path, monkeypatch):
    monkeypatch.setattr(related, "WINDOW", 4)
    files = dict(ACTORS)
    files.update(_brief(f"b{i:02d}", i + 1, ["common"]) for i in range(20))
    result = load_tree(tmp_path, files)
    ranked = related_briefs(result.index, result.dossier.briefs["b10"], limit=10)
    ids = sorted(b.id for b, _ in ranked)
    # only the nearest briefs in date are candidates
    assert len(ids) == 3
    assert all(abs(int(i[1:]) - 10) <= 2 for i in ids)


def test_cooccurrence_counts_listed_and_mentioned_actors(tmp_path):
    files = dict(ACTORS)
    files.update([
        _brief("a", 1, ["common", "rare"]),
        _brief("b", 2, ["common"], body="Rare and Other are named here."),
        _brief("c", 3, ["other"]),
    ])
    result = load_tree(tmp_path, files)
    counts = actor_cooccurrence(result.index)
    assert related_actors(counts, "common") == [("rare", 2), ("other", 1)]
    assert related_actors(counts, "common", limit=1) == [("rare", 2)]
    assert "common" not in counts["common"]
