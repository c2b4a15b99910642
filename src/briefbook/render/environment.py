"""The Jinja environment for Briefbook's own templates: autoescaped, overridable by a site.

A site overrides a template by placing a file of the same name (``briefbook/brief_header.html``)
in its theme's ``custom_dir``. MkDocs's own environment does not autoescape, so Briefbook never
renders user values through it.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)

from briefbook.i18n.dates import DateFormatter
from briefbook.i18n.grades import grade_meaning
from briefbook.i18n.grades import scale as grade_scale
from briefbook.i18n.translator import LabelError, Translator
from briefbook.model.dates import FuzzyDate
from briefbook.model.values import is_safe_url
from briefbook.render import markup


class TemplateProblem(Exception):
    """A template that cannot be rendered (most often a site's override): where and why.

    ``path`` is the template file (None when not known), ``line`` the line in it.
    """

    def __init__(self, name: str, path: str | None, line: int | None, problem: str) -> None:
        super().__init__(problem)
        self.name = name
        self.path = path
        self.line = line
        self.problem = problem

    @classmethod
    def from_error(cls, exc: Exception, name: str) -> TemplateProblem:
        """Locate a Jinja error or a label the catalogue lacks: syntax errors carry their place,
        others are found in the traceback, where Jinja puts the template's file and line in
        place of Python's."""
        if isinstance(exc, TemplateSyntaxError):
            return cls(exc.name or name, exc.filename, exc.lineno, exc.message or str(exc))
        path, line = None, None
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            filename = frame.f_code.co_filename
            if not filename.endswith(".py") and not filename.startswith("<"):
                path, line = filename, lineno
        if isinstance(exc, TemplateNotFound) and exc.name != name:
            return cls(name, path, line, f"it includes the template '{exc.name}', which does "
                       "not exist")
        message = exc.message if isinstance(exc, TemplateError) else None
        if not isinstance(exc, (TemplateError, LabelError)):  # 1/0 in an override, say
            message = f"{type(exc).__name__}: {exc}"
        return cls(name, path, line, message or str(exc))


class Renderer:
    """Renders Briefbook templates with autoescaping, in one site language."""

    def __init__(self, language: str = "en", custom_dirs: list[Path] | None = None) -> None:
        loaders: list[Any] = [FileSystemLoader([str(d) for d in custom_dirs or []])]
        loaders.append(PackageLoader("briefbook", "templates"))
        self.t = Translator(language)
        self.dates = DateFormatter(self.t)
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
            auto_reload=False,  # templates do not change during a build; skip mtime checks
        )
        self._templates: dict[str, Template] = {}
        # the catalogue: t("key"), tn("key", count), label(enum member); see briefbook.i18n
        self.env.globals.update(
            t=self.t,
            tn=self.t.plural,
            plural_pattern=self.t.plural_pattern,
            label=self.t.label,
            chip=markup.chip,
            chips=markup.chips,
            link=markup.link,
            stance=markup.labelled("stance", self.t.label),
            status=markup.labelled("status", self.t.label),
            grade=markup.graded(self.t, lambda grade: grade_meaning(self.t, grade)),
        )
        self.env.filters["date"] = self.format_date
        self.env.filters["daterange"] = self.format_range
        self.env.filters["language_name"] = self.t.language_name
        self.env.filters["safe_url"] = lambda url: url if url and is_safe_url(url) else ""
        self.env.globals["grade_scale"] = lambda: grade_scale(self.t)

    def format_date(self, date: FuzzyDate | None) -> str:
        return self.dates.format(date) if date else ""

    def format_range(self, start: FuzzyDate, end: FuzzyDate | None = None) -> str:
        return self.dates.range(start, end)

    def render(self, name: str, **context: Any) -> str:
        """Render ``briefbook/<name>`` to HTML on one line-stable string.

        A template that fails (a site's override with a syntax error, or one using a value the
        view does not pass) raises :class:`TemplateProblem`, never a raw Jinja error.
        """
        try:
            template = self._templates.get(name)
            if template is None:
                template = self._templates[name] = self.env.get_template(f"briefbook/{name}")
            return template.render(**context).strip()
        except (TemplateError, LabelError) as exc:
            raise TemplateProblem.from_error(exc, f"briefbook/{name}") from exc
        except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError,
                AttributeError) as exc:  # what an override's expression may raise
            raise TemplateProblem.from_error(exc, f"briefbook/{name}") from exc
