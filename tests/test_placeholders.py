"""Placeholders of generated HTML never reach a page, even when Markdown swallows them.

The placeholder nonce is random per process: any of it left in the output would make two builds
of the same dossier differ (see ``test_reproducible.py``).
"""

from __future__ import annotations

import markdown
from support import build_project, make_project

from briefbook.views.overview import find_marker
from briefbook.views.page import PageDoc, splice

DOSSIER = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/topics/force.md": "---\ntitle: Force\n---\n",
    "briefs/a.md": "---\ntitle: A\ndate: '2025-01-02'\nactors: [nato]\n---\nBody.\n",
}


def _rendered(doc: PageDoc) -> str:
    return splice(markdown.markdown(doc.body, extensions=["fenced_code"]), doc)


def test_a_placeholder_swallowed_by_a_code_block_leaves_no_trace():
    doc = PageDoc("x.md", "X").md("```text\ncode").html('<div id="panel">P</div>').md("```")
    html = _rendered(doc)
    assert html.endswith('<div id="panel">P</div>')  # the block is not lost
    assert "bb:" not in html
    assert ">code" in html


def test_placeholders_in_place_are_replaced_once():
    doc = PageDoc("x.md", "X").html("<b>one</b>").md("Text.").html("<i>two</i>")
    html = _rendered(doc)
    assert html.index("<b>one</b>") < html.index("Text.") < html.index("<i>two</i>")
    assert html.count("<b>one</b>") == 1
    assert "bb:" not in html


MARKER = "<!-- briefbook:overview -->"


def test_overview_marker_is_found_outside_code_only():
    assert find_marker(f"# Home\n\n{MARKER}\n").group().strip() == MARKER
    shown = f"Put this line:\n\n```markdown\n{MARKER}\n```\n\n~~~~\n{MARKER}\n~~~~\n"
    assert find_marker(shown) is None
    after = shown + f"\n{MARKER}\n"
    match = find_marker(after)
    assert match is not None and match.start() == len(shown) + 1
    # a shorter or different fence does not close a block
    assert find_marker(f"````\n```\n{MARKER}\n~~~~\n````\n") is None


def test_a_page_showing_the_marker_as_code_gets_no_overview(tmp_path):
    project = make_project(tmp_path, DOSSIER, docs={
        "index.md": f"# Home\n\n{MARKER}\n",
        "guide.md": f"# Guide\n\nPut this line:\n\n```markdown\n{MARKER}\n```\n",
    })
    site = build_project(project, strict=True)
    guide = site.html("guide/")
    assert "bb-overview" not in guide
    assert "&lt;!-- briefbook:overview --&gt;" in guide
    assert "bb:" not in guide.replace("bb-", "")
    assert 'class="bb-overview"' in site.html("")


def test_a_block_kept_out_of_search_survives_the_first_splice_and_lands_in_the_second():
    doc = PageDoc("x.md", "X").html("<b>found</b>").html("<i>hidden</i>", searchable=False)
    rendered = markdown.markdown(doc.body)
    for_search = splice(rendered, doc, searchable=True)
    assert "<b>found</b>" in for_search and "<i>hidden</i>" not in for_search
    final = splice(for_search, doc, searchable=False)
    assert final.index("<b>found</b>") < final.index("<i>hidden</i>")
    assert "bb:" not in final


def test_two_passes_give_the_page_one_pass_gives():
    """Searchable blocks first, the others after the search index read the page: the page ends
    the same as with one pass, every block once, wherever Markdown put its placeholder."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    parts = st.lists(
        st.one_of(
            st.tuples(st.just("md"), st.sampled_from(
                ["Text.", "A *b* c.", "```\ncode", "```", "<div>\nraw\n</div>", "# H", "- item"]
            )),
            st.tuples(st.just("html"), st.booleans()),
        ),
        max_size=12,
    )

    @settings(max_examples=200, deadline=None)
    @given(parts)
    def check(items):
        doc = PageDoc("x.md", "X")
        for i, (kind, value) in enumerate(items):
            if kind == "md":
                doc.md(value)
            else:
                doc.html(f'<section id="b{i}">{i}</section>', searchable=value)
        rendered = markdown.markdown(doc.body, extensions=["fenced_code"])
        once = splice(rendered, doc)
        twice = splice(splice(rendered, doc, searchable=True), doc, searchable=False)
        assert twice == once
        for block in doc.blocks:
            assert once.count(block) == 1
        assert "bb:" not in once

    check()
