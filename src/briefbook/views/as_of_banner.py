"""The banner every page carries when the site shows the dossier as of a past day."""

from __future__ import annotations

import datetime as _dt

from briefbook.model.dates import FuzzyDate
from briefbook.render.environment import Renderer


def as_of_banner(renderer: Renderer, as_of: _dt.date) -> str:
    """``As of 1 March 2025``: what the reader sees, and that later briefs are left out."""
    day = FuzzyDate(as_of.year, as_of.month, as_of.day)
    return renderer.render("as_of_banner.html", as_of=day)
