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
