"""A lighter automatic navigation: a generated section of one page is that page's link.

Without a ``nav`` in ``mkdocs.yml``, MkDocs makes a section of every folder, so each of
Briefbook's section folders (``actors/``, ``briefs/``, ``topics/`` …), whose only page in the
navigation is its index, becomes a section holding one link. Material writes a collapsible
block for each section into every page of the site, about 1 KB apiece: on a dossier of
thousands of pages, most of the navigation's weight. A plain link to the index page says the
same and weighs a fifth as much. A ``nav`` written by hand is left as it is.
"""

from __future__ import annotations

from collections.abc import Container

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def flatten_generated_sections(nav: Navigation, generated: Container[str]) -> None:
    """Replace each section whose one child is a generated page by that page."""
    nav.items = _flattened(nav.items, generated, None)


def _flattened(items: list[StructureItem], generated: Container[str],
               parent: Section | None) -> list[StructureItem]:
    result: list[StructureItem] = []
    for item in items:
        if isinstance(item, Section):
            item.children = _flattened(item.children, generated, item)
            only = item.children[0] if len(item.children) == 1 else None
            if isinstance(only, Page) and only.file.src_uri in generated:
                only.parent = parent
                result.append(only)
                continue
        result.append(item)
    return result
