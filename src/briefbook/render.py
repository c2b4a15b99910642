"""The Jinja environment for Briefbook's own templates: autoescaped, overridable by a site.

A site overrides a template by placing a file of the same name (``briefbook/brief_header.html``)
in its theme's ``custom_dir``. MkDocs's own environment does not autoescape, so Briefbook never
renders user values through it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

from . import markup
from .dates import FuzzyDate, format_date, format_range
from .grading import scale as grade_scale
from .i18n import Translator
from .safety import is_safe_url


class Renderer:
    """Renders Briefbook templates with autoescaping, in one site language."""

    def __init__(self, language: str = "en", custom_dirs: list[Path] | None = None) -> None:
        loaders: list[Any] = [FileSystemLoader([str(d) for d in custom_dirs or []])]
        loaders.append(PackageLoader("briefbook", "templates"))
        self.t = Translator(language)
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
            auto_reload=False,  # templates do not change during a build; skip mtime checks
        )
        self.env.globals["t"] = self.t
        self.env.globals.update(
            chip=markup.chip,
            chips=markup.chips,
            link=markup.link,
            stance=markup.labelled("stance", self.t),
            status=markup.labelled("status", self.t),
            grade=markup.graded(self.t, lambda grade: grade.meaning(self.t.language)),
        )
        self.env.globals["tn"] = self.t.count
        self.env.filters["date"] = self.format_date
        self.env.filters["daterange"] = self.format_range
        self.env.filters["language_name"] = self.t.language_name
        self.env.filters["safe_url"] = lambda url: url if url and is_safe_url(url) else ""
        self.env.globals["grade_scale"] = lambda: grade_scale(self.t.language)

    def format_date(self, date: FuzzyDate | None) -> str:
        return format_date(date, self.t.language) if date else ""

    def format_range(self, start: FuzzyDate, end: FuzzyDate | None = None) -> str:
        return format_range(start, end, self.t.language)

    def render(self, name: str, **context: Any) -> str:
        """Render ``briefbook/<name>`` to HTML on one line-stable string."""
        return self.env.get_template(f"briefbook/{name}").render(**context).strip()
