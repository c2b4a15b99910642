"""The briefbook/actors plugin, asserted on built HTML: actor pages, the actors index, related
briefs, and mention linking in brief bodies."""

import re

import pytest
from mkdocs.exceptions import Abort
from support import ROOT, build_project, make_project

PLUGINS = "  - briefbook\n  - briefbook/actors"

FRENCH = "briefs/version-francaise-note-de-lecture/"


def mention_links(html):
    """(href, title, text) of every mention link on a page."""
    return re.findall(r'<a class="bb-mention" href="([^"]+)" title="([^"]*)">([^<]+)</a>', html)


def section(html, heading_id):
    """The HTML from a generated ``<h2 id=...>`` up to the next ``<h2``."""
    start = html.index(f'<h2 id="{heading_id}"')
    end = html.find("<h2", start + 1)
    return html[start : end if end > 0 else len(html)]


# -- acceptance on the example dossier -----------------------------------------------------
def test_french_brief_links_otan_and_royaume_uni(example_site):
    links = mention_links(example_site.html(FRENCH))
    assert ("../../actors/nato/", "NATO", "OTAN") in links
    assert ("../../actors/united-kingdom/", "United Kingdom", "Royaume-Uni") in links
    # first mention only, by default: one link per actor
    targets = [href for href, _, _ in links]
    assert len(targets) == len(set(targets))


@pytest.mark.parametrize("actor", ["nato", "united-kingdom"])
def test_nato_and_uk_pages_list_the_french_brief(example_site, actor):
    briefs = section(example_site.html(f"actors/{actor}/"), "briefs")
    assert f'href="../../{FRENCH}"' in briefs


def test_example_builds_strict_with_suggestions_as_notes_only(example_site):
    assert example_site.warnings == []
    assert example_site.exists("actors/")
    for path in (ROOT / "briefs" / "actors").glob("*.md"):
        assert example_site.exists(f"actors/{path.stem}/")


# -- the actor page ------------------------------------------------------------------------
def test_actor_header_with_aliases_identifiers_and_members(example_site):
    html = example_site.html("actors/nato/")
    assert "<h1>NATO</h1>" in html
    assert 'bb-kind--organisation">organisation</span>' in html
    assert '<span class="bb-alias">OTAN</span>' in html
    assert 'href="https://www.wikidata.org/wiki/Q7184"' in html
    members = re.search(r'class="bb-row bb-members".*?</div>', html, re.S).group(0)
    for member in ("france", "italy", "united-kingdom", "united-states"):
        assert f'href="../{member}/"' in members
    assert "china" not in members  # not a NATO member in the dossier
    # the profile is the actor file's body, rendered by MkDocs under its own heading
    assert '<h2 id="profile">' in html
    assert "<p>NATO is the transatlantic defence alliance" in html


def test_member_page_shows_its_affiliations(example_site):
    html = example_site.html("actors/france/")
    affiliations = re.search(r'class="bb-row bb-affiliations".*?</div>', html, re.S).group(0)
    assert 'href="../nato/"' in affiliations
    assert 'href="../european-union/"' in affiliations
    assert 'dd class="bb-country">FR</dd>' in html


def test_actor_positions_grouped_by_topic_with_brief_links(example_site):
    html = section(example_site.html("actors/ben-barry/"), "positions")
    topics = re.findall(r'bb-topic-group__title">.*?>([^<]+)</', html)
    assert len(topics) == 2
    assert html.count('class="bb-position"') == 2
    assert "bb-stance--supports" in html
    assert 'href="../../briefs/iiss-assessment-force-size/"' in html


def test_actor_events_in_date_order_with_source(example_site):
    html = section(example_site.html("actors/coalition-of-the-willing/"), "events")
    dates = re.findall(r'<time class="bb-event__date" datetime="([^"]+)"', html)
    assert len(dates) == 5
    assert dates == sorted(dates)
    assert "Source: <a href=\"../../briefs/" in html


def test_actor_briefs_listed_and_mentioned_with_counts_and_excerpts(example_site):
    html = section(example_site.html("actors/ukraine/"), "briefs")
    items = re.findall(r'<li class="bb-actor-brief bb-actor-brief--(\w+)">(.*?)</li>', html, re.S)
    kinds = {re.search(r'href="../../briefs/([^/]+)/"', body).group(1): kind
             for kind, body in items}
    # the IISS brief names Ukraine in its text without listing it
    assert kinds["iiss-assessment-force-size"] == "mentioned"
    assert kinds["version-francaise-note-de-lecture"] == "listed"
    iiss = next(body for _, body in items if "iiss-assessment" in body)
    assert "named 2 times" in iiss
    assert "<mark>Ukraine</mark>" in iiss


def test_actor_related_actors_ranked_by_shared_briefs(example_site):
    html = section(example_site.html("actors/nato/"), "related-actors")
    counts = [int(n) for n in re.findall(r"(\d+) briefs? in common", html)]
    assert counts and counts == sorted(counts, reverse=True)
    assert 'href="./"' not in html  # never related to itself


def test_actor_open_questions(example_site):
    html = section(example_site.html("actors/nato/"), "open-questions")
    assert "bb-status--open" in html
    assert "bb-status--answered" not in html
    # tracked in the questions register, which the example builds
    assert 'href="../../questions/#nato-c2-for-force"' in html
    assert 'href="../../briefs/nato-role-in-reassurance-force/"' in html  # where it was raised


def test_brief_pages_link_actor_chips_and_show_related_briefs(example_site):
    html = example_site.html("briefs/nato-role-in-reassurance-force/")
    header = re.search(r'<header class="bb-brief-header">.*?</header>', html, re.S).group(0)
    assert 'class="md-tag bb-chip bb-chip--actor" href="../../actors/nato/"' in header
    related = section(html, "related-briefs")
    assert related.count('class="bb-related-brief"') >= 3
    assert "nato-role-in-reassurance-force/" not in related


# -- the actors index ----------------------------------------------------------------------
def test_actors_index_grouped_by_kind_with_counts_and_filter(example_site):
    html = example_site.html("actors/")
    groups = re.findall(r'<h2 id="(\w+)">', html)
    assert groups == ["state", "organisation", "person", "group"]
    nato = re.search(r'<li class="bb-actor-item" data-bb-names="NATO \| OTAN[^"]*">(.*?)</li>',
                     html, re.S).group(1)
    assert 'href="../nato/"' not in nato and 'href="nato/"' in nato
    assert "5 briefs · 0 positions" in nato
    # the filter field is hidden until the script shows it: without JS everything is listed
    assert re.search(r'<div class="bb-filter" data-bb-filter hidden>', html)
    assert "assets/briefbook/actors-filter.js" in html
    assert example_site.exists("assets/briefbook/actors-filter.js")
    # the actors index is in the navigation, actor pages are not
    nav = re.findall(r'<a href="([^"]*)" class="md-nav__link', html)
    assert "./" in nav and not any("nato" in link for link in nav)


# -- mention linking on small dossiers -----------------------------------------------------
ACTORS = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\naliases: [OTAN]\n---\n",
    "briefs/actors/ukraine.md": "---\nname: Ukraine\nkind: state\n---\n",
    "briefs/actors/mark-rutte.md": "---\nname: Mark Rutte\nkind: person\naliases: [Rutte]\n---\n",
    "briefs/actors/alpha.md": "---\nname: Alpha\nkind: group\naliases: [Union]\n---\n",
    "briefs/actors/beta.md": "---\nname: Beta\nkind: group\naliases: [Union]\n---\n",
    "briefs/topics/force.md": "---\ntitle: Force\n---\n",
}

BODY = """\
---
title: Matcher cases
date: "2025-04"
actors: [nato, ukraine, mark-rutte]
---
## NATO and Ukraine in a heading

Le rôle de l'OTAN et d'Ukraine.

Use `NATO` in code, or [the NATO site](https://example.org/NATO).

```
NATO in a fence
```

Mark Rutte said so; Rutte added more. <span title="NATO">NATO inside HTML</span> after.

The Union met. NATO again.
"""


def _matcher_site(tmp_path, mentions="all", **kwargs):
    plugins = f"  - briefbook\n  - briefbook/actors:\n      mentions: {mentions}"
    project = make_project(tmp_path, {**ACTORS, "briefs/cases.md": BODY}, plugins=plugins)
    return build_project(project, **kwargs)


def _body(html):
    start = html.index('<h2 id="nato-and-ukraine-in-a-heading"')
    return html[start : html.index("</article>")]


def test_matcher_cases_on_built_html(tmp_path):
    site = _matcher_site(tmp_path)
    body = _body(site.html("briefs/cases/"))
    links = mention_links(body)
    texts = [text for _, _, text in links]
    # elisions: l'OTAN and d'Ukraine
    assert "l'<a class=\"bb-mention\" href=\"../../actors/nato/\" title=\"NATO\">OTAN</a>" in body
    assert ("../../actors/ukraine/", "Ukraine", "Ukraine") in links
    # longest match: "Mark Rutte" is one link, then "Rutte" alone
    assert texts.count("Mark Rutte") == 1 and texts.count("Rutte") == 1
    # headings, code, fences, existing links and raw HTML are left alone
    assert re.search(r"<h2[^>]*>NATO and Ukraine in a heading", body)
    assert "<code>NATO</code>" in body
    assert "NATO in a fence" in body and "bb-mention" not in body.split("<pre")[1].split(
        "</pre>")[0]
    assert '<a href="https://example.org/NATO">the NATO site</a>' in body
    assert '<span title="NATO">NATO inside HTML</span>' in body
    # an alias shared by two actors is not linked, and validation warns about it
    assert "The Union met." in body
    assert any("shared-alias" in w or "belongs to several actors" in w for w in site.warnings)
    # mode "all": the last NATO is linked too
    assert texts == ["OTAN", "Ukraine", "Mark Rutte", "Rutte", "NATO"]


def test_first_mention_only_by_default(tmp_path):
    site = _matcher_site(tmp_path, mentions="first")
    texts = [text for _, _, text in mention_links(_body(site.html("briefs/cases/")))]
    assert texts == ["OTAN", "Ukraine", "Mark Rutte"]


def test_mentions_none_links_nothing_but_keeps_backlinks(tmp_path):
    site = _matcher_site(tmp_path, mentions="none")
    assert mention_links(site.html("briefs/cases/")) == []
    assert 'href="../../briefs/cases/"' in site.html("actors/nato/")


def test_source_markdown_is_untouched(tmp_path):
    _matcher_site(tmp_path)
    assert (tmp_path / "briefs/cases.md").read_text(encoding="utf-8") == BODY


def test_mention_links_without_directory_urls(tmp_path):
    site = _matcher_site(tmp_path, use_directory_urls=False)
    links = mention_links(site.html("briefs/cases.html"))
    assert ("../actors/nato.html", "NATO", "OTAN") in links


def test_unlisted_actor_is_mentioned_backlink_and_a_note(tmp_path, caplog):
    files = {**ACTORS, "briefs/b.md": "---\ntitle: B\ndate: '2025'\n---\nOnly Ukraine here.\n"}
    project = make_project(tmp_path, files, plugins=PLUGINS)
    caplog.set_level("INFO")
    site = build_project(project)
    html = section(site.html("actors/ukraine/"), "briefs")
    assert 'bb-actor-brief--mentioned' in html and "named once" in html
    assert "briefs/b.md:5:6: note: the text names Ukraine once but 'actors' does not list" \
        in caplog.text
    assert not any("note:" in w for w in site.warnings)


def test_notes_never_fail_strict(tmp_path):
    files = {
        "briefs/actors/ukraine.md": "---\nname: Ukraine\nkind: state\n---\n",
        "briefs/b.md": "---\ntitle: B\ndate: '2025'\n---\nOnly Ukraine here.\n",
    }
    site = build_project(make_project(tmp_path, files, plugins=PLUGINS), strict=True)
    assert site.exists("actors/ukraine/")


# -- positions, pagination, options --------------------------------------------------------
def _position_brief(name, date, stance):
    return (f"briefs/{name}.md", f"""\
---
title: {name}
date: "{date}"
actors: [nato]
positions:
  - {{actor: nato, topic: force, stance: {stance}, summary: "NATO {stance} in {name}",
     quote: "Quote {name}"}}
---
Text of {name}.
""")


def test_changed_stance_is_marked_and_positions_newest_first(tmp_path):
    files = dict(ACTORS)
    files.update([
        _position_brief("early", "2025-01", "opposes"),
        _position_brief("middle", "2025-02", "opposes"),
        _position_brief("late", "2025-03", "supports"),
    ])
    site = build_project(make_project(tmp_path, files, plugins=PLUGINS))
    html = section(site.html("actors/nato/"), "positions")
    summaries = re.findall(r'bb-position__summary">([^<]+)<', html)
    assert summaries == ["NATO supports in late", "NATO opposes in middle", "NATO opposes in early"]
    assert html.count("changed from opposes") == 1
    assert html.index("changed from opposes") < html.index("NATO supports in late")
    assert "<p>Quote late</p>" in html
    assert 'href="../../briefs/late/"' in html


def test_positions_per_topic_are_capped(tmp_path):
    files = dict(ACTORS)
    files.update([_position_brief(f"b{i}", f"2025-0{i}", "supports") for i in range(1, 5)])
    plugins = "  - briefbook\n  - briefbook/actors:\n      positions_per_topic: 2"
    site = build_project(make_project(tmp_path, files, plugins=plugins))
    html = section(site.html("actors/nato/"), "positions")
    assert html.count('class="bb-position"') == 2
    assert "2 earlier positions on this topic are not shown." in html


def test_actor_briefs_are_paginated(tmp_path):
    files = dict(ACTORS)
    for i in range(5):
        files[f"briefs/b{i}.md"] = f"---\ntitle: B{i}\ndate: '2025-01-0{i + 1}'\n---\nNATO.\n"
    plugins = "  - briefbook\n  - briefbook/actors:\n      page_size: 2"
    site = build_project(make_project(tmp_path, files, plugins=plugins))
    first = section(site.html("actors/nato/"), "briefs")
    assert re.findall(r'href="../../briefs/(b\d)/"', first) == ["b4", "b3"]
    assert 'href="briefs/2/"' in first
    third = site.html("actors/nato/briefs/3/")
    assert re.findall(r'href="../../../../briefs/(b\d)/"', third) == ["b0"]
    assert 'href="../2/"' in third and "Page 3 of 3" in third


def test_related_briefs_share_actors_or_topics(tmp_path):
    files = dict(ACTORS)
    files["briefs/a.md"] = "---\ntitle: A\ndate: '2025-01'\nactors: [mark-rutte]\n---\nx\n"
    files["briefs/b.md"] = "---\ntitle: B\ndate: '2025-02'\nactors: [mark-rutte]\n---\nx\n"
    files["briefs/c.md"] = "---\ntitle: C\ndate: '2025-03'\ntopics: [force]\n---\nx\n"
    site = build_project(make_project(tmp_path, files, plugins=PLUGINS))
    related = section(site.html("briefs/a/"), "related-briefs")
    assert 'href="../b/"' in related and 'href="../c/"' not in related
    assert "related-briefs" not in site.html("briefs/c/")


def test_french_labels(tmp_path):
    files = {**ACTORS, "briefs/b.md": "---\ntitle: B\ndate: '2025'\nactors: [nato]\n---\nx\n"}
    site = build_project(make_project(tmp_path, files, plugins=PLUGINS, language="fr"))
    index = site.html("actors/")
    assert ">Acteurs</h1>" in index and ">Organisations <span" in index
    assert 'placeholder="Filtrer par nom"' in index
    assert "listé" in site.html("actors/nato/")


def test_templates_are_overridable_from_custom_dir(tmp_path):
    files = {**ACTORS, "briefs/b.md": "---\ntitle: B\ndate: '2025'\nactors: [nato]\n---\nx\n"}
    config = f"""\
site_name: Custom
theme:
  name: material
  custom_dir: overrides
plugins:
{PLUGINS}
"""
    project = make_project(tmp_path, files, mkdocs_yml=config)
    override = project / "overrides/briefbook/actor_header.html"
    override.parent.mkdir(parents=True)
    override.write_text('<h1 class="my-actor">{{ actor.name }} ({{ kind_label }})</h1>\n')
    html = build_project(project).html("actors/nato/")
    assert '<h1 class="my-actor">NATO (organisation)</h1>' in html


def test_actor_values_are_escaped(tmp_path):
    files = {
        "briefs/actors/x.md": """\
---
name: "<b>X</b>"
kind: group
role: "<script>r</script>"
aliases: ["<i>ex</i>"]
external_ids: {site: "javascript:alert(1)"}
---
""",
        "briefs/b.md": "---\ntitle: B\ndate: '2025'\nactors: [x]\n---\nx\n",
    }
    site = build_project(make_project(tmp_path, files, plugins=PLUGINS))
    html = site.html("actors/x/")
    assert "<b>X</b>" not in html and "<script>r" not in html and "<i>ex</i>" not in html
    assert 'href="javascript:' not in html
    assert "&lt;b&gt;X&lt;/b&gt;" in html


def test_only_a_wikidata_q_id_becomes_a_link(tmp_path):
    """Other external ids are text: no address is built from a value nothing constrains."""
    files = {
        "briefs/actors/x.md": """\
---
name: X
kind: group
wikidata: Q42
external_ids: {site: "https://evil.example/x", viaf: "../../../etc", isni: "0000 0001"}
---
""",
        "briefs/b.md": "---\ntitle: B\ndate: '2025'\nactors: [x]\n---\nx\n",
    }
    html = build_project(make_project(tmp_path, files, plugins=PLUGINS)).html("actors/x/")
    identifiers = re.search(r'<dd class="bb-identifiers">.*?</dd>', html, re.S).group(0)
    assert re.findall(r'href="([^"]*)"', identifiers) == ["https://www.wikidata.org/wiki/Q42"]
    for text in ("site: https://evil.example/x", "viaf: ../../../etc", "isni: 0000 0001"):
        assert f'<span class="bb-identifier">{text}</span>' in identifiers


def test_actors_plugin_needs_the_core(tmp_path, caplog):
    project = make_project(tmp_path, ACTORS, plugins="  - briefbook/actors")
    with pytest.raises(Abort):
        build_project(project)
    assert "add the 'briefbook' plugin before 'briefbook/actors'" in caplog.text


def test_bad_option_is_reported(tmp_path, caplog):
    plugins = "  - briefbook\n  - briefbook/actors:\n      mentions: sometimes"
    project = make_project(tmp_path, ACTORS, plugins=plugins)
    with pytest.raises(Abort):
        build_project(project)
    assert "option 'mentions': Expected one of: ('first', 'all', 'none')" in caplog.text
