"""The search index reads words apart: labels, values and chips do not run together.

MkDocs's search reads a page's text without its tags, so ``<dt>Also known as</dt><dd>OTAN``
would be indexed as "asOTAN" and an actor could not be found by its alias.
"""

from __future__ import annotations

import json
import re


def _texts(site) -> dict[str, str]:
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc["text"] for doc in index["docs"]}


def test_an_actor_page_is_indexed_under_each_alias(example_site):
    text = _texts(example_site)["actors/nato/"]
    for alias in ("OTAN", "Atlantic Alliance", "Alliance atlantique"):
        assert re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text), alias


def test_header_labels_values_and_chips_stay_apart(example_site):
    text = _texts(example_site)["actors/nato/"]
    assert re.search(r"Members France Italy", text), text[:600]
    assert "Identifiers Wikidata Q7184" in text


def test_what_changed_is_not_indexed_again_where_the_briefs_are(example_site):
    """``changes/`` repeats the titles and summaries of the briefs' own pages: it is found by
    its title, and a brief's summary leads to the brief page only."""
    texts = _texts(example_site)
    changes = {loc: text for loc, text in texts.items() if loc.startswith("changes/")}
    assert all(text == "" for text in changes.values()), changes
    summary = "10,000 to 25,000 troops"  # from the summary of that brief (2025/iiss-…)
    found = {loc.split("#")[0] for loc, t in texts.items() if summary in t}
    assert found  # the phrase is in the index...
    assert [loc for loc in found if loc.startswith(("changes/", "print/"))] == []  # not here
