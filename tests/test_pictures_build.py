"""The pictures on the built example site: where each one is, what it links to, its data."""

from __future__ import annotations

import json
import re

from support import build_project, copy_example

from briefbook.export.previews import shard_of
from briefbook.pipeline import load_dossier

MARK = re.compile(r'<a class="bb-pic-mark[^>]*data-bb-mark="([^"]+)"')


def test_timeline_page_draws_every_listed_event(example_site):
    html = example_site.html("timeline/")
    figure = html[html.index('<figure class="bb-pic bb-pic--timeline"'):]
    figure = figure[: figure.index("</figure>")]
    listed = set(re.findall(r'<li class="bb-tl-event[^"]*" id="ev-([^"]+)"', html))
    assert listed and set(MARK.findall(figure)) == listed
    # marks lead to their entry on this page
    for entry in listed:
        assert f'xlink:href="#ev-{entry}"' in figure


def test_actor_and_topic_pages_have_their_pictures(example_site):
    actor = example_site.html("actors/coalition-of-the-willing/")
    for kind in ("timeline", "local-network", "stances"):
        assert f'bb-pic--{kind}"' in actor, kind
    entry = MARK.search(actor).group(1)
    assert f'xlink:href="../../timeline/#ev-{entry}"' in actor
    assert f'id="ev-{entry}"' in example_site.html("timeline/")
    topic = example_site.html("topics/reassurance-force/")
    assert 'bb-pic--timeline"' in topic and 'bb-pic--stances"' in topic


def test_network_page_has_every_actor_and_is_in_the_navigation(example_site, tmp_path):
    html = example_site.html("network/")
    result = load_dossier(example_site.root / "briefs", example_site.root)
    nodes = set(re.findall(r'data-bb-node="([^"]+)"', html))
    assert nodes == set(result.dossier.actors)
    assert 'href="../network/"' in example_site.html("timeline/")  # in the tabs
    assert "data-bb-network-filter" in html and "<details" in html


def test_tag_chips_link_to_the_tags_index(example_site):
    brief = example_site.html("briefs/iiss-assessment-force-size/")
    links = re.findall(r'<a class="md-tag bb-chip bb-chip--tag" href="([^"]+)">([^<]+)</a>', brief)
    assert {label for _, label in links} == {"force-size", "isr", "awacs", "headquarters",
                                             "think-tank"}
    index = example_site.html("tags/")
    for href, _ in links:
        assert href.startswith("../../tags/#tag-")
        assert f'id="{href.split("#")[1]}"' in index
    isr = index[index.index('id="tag-isr"'):]
    isr = isr[: isr.index("</section>")]
    assert isr.count('class="bb-brief-item"') == 3


def test_previews_hold_every_actor_and_brief(example_site):
    meta = json.loads((example_site.site / "previews" / "index.json").read_text())
    records = {}
    for number in range(meta["shards"]):
        shard = json.loads((example_site.site / "previews" / f"{number}.json").read_text())
        assert all(shard_of(key, meta["shards"]) == number for key in shard)
        records.update(shard)
    result = load_dossier(example_site.root / "briefs", example_site.root)
    assert set(records) == {f"actor:{a}" for a in result.dossier.actors} | \
        {f"brief:{b}" for b in result.dossier.briefs}
    coalition = records["actor:coalition-of-the-willing"]
    assert coalition["meta"].startswith("Group")
    assert coalition["lines"][0].startswith("Latest stance: supports on ")
    iiss = records["brief:iiss-assessment-force-size"]
    assert "Financial Times" in iiss["meta"] and "Grade B2" in iiss["meta"] and iiss["lines"]


def test_pictures_can_be_switched_off(tmp_path):
    project = copy_example(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - briefbook:\n      briefs_dir: briefs\n",
                            "  - briefbook:\n      briefs_dir: briefs\n      tags_index: false\n"
                            "      previews: false\n      stances_over_time: false\n")
    config = config.replace("  - briefbook/actors:\n", "  - briefbook/actors:\n"
                            "      network: false\n      local_links: 0\n")
    config = config.replace("  - briefbook/timeline\n", "  - briefbook/timeline:\n"
                            "      picture: none\n")
    config = config.replace("  - Network: network/index.md\n", "").replace(
        "  - Tags: tags/index.md\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = build_project(project, strict=True)
    assert not site.exists("network/") and not site.exists("tags/")
    assert not (site.site / "previews").exists()
    for page in ("timeline/", "actors/coalition-of-the-willing/", "topics/reassurance-force/"):
        assert "bb-pic" not in site.html(page).replace("bb-pic-", ""), page
    brief = site.html("briefs/iiss-assessment-force-size/")
    assert '<span class="md-tag bb-chip bb-chip--tag">isr</span>' in brief


def test_no_page_is_over_a_megabyte(example_site):
    sizes = {p.relative_to(example_site.site).as_posix(): p.stat().st_size
             for p in example_site.site.rglob("*.html")}
    assert max(sizes.values()) < 1_000_000


def test_tags_index_stays_small_for_a_busy_tag(tmp_path):
    from support import make_project

    files = {f"briefs/b{i:03d}.md": f"---\ntitle: Brief {i}\ndate: '2025-01-{1 + i % 28:02d}'\n"
             f"tags: [busy]\n---\nText.\n" for i in range(40)}
    site = build_project(make_project(tmp_path, files, plugins="  - briefbook"))
    index = site.html("tags/")
    assert index.count('class="bb-brief-item"') == 25
    assert "and 15 more briefs" in index
