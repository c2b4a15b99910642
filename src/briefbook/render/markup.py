"""Small pieces of HTML used on every generated page (chips, stance and status labels, links).

They are plain Python rather than Jinja macros: a large dossier renders hundreds of thousands
of them, and a macro call costs several times more than this. Every value is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup, escape


def chip(c: Any) -> Markup:
    """A Material tag: a link when the chip has a URL, a plain label otherwise."""
    title = f' title="{escape(c.title)}"' if c.title else ""
    kind = escape(c.kind)
    if c.url:
        return Markup(
            f'<a class="md-tag bb-chip bb-chip--{kind}" href="{escape(c.url)}"{title}>'
            f"{escape(c.label)}</a>"
        )
    return Markup(f'<span class="md-tag bb-chip bb-chip--{kind}"{title}>{escape(c.label)}</span>')


def chips(items: Iterable[Any], label: str = "") -> Markup:
    """A row of chips; nothing when there are none. With ``label``, the row is a named group
    (``role="group"``: an ``aria-label`` on a span without a role names nothing).

    Chips are apart by a space, which the flex layout ignores: the search index reads the text
    of a page without its tags, and would otherwise read "NATOFrance".
    """
    inner = " ".join(chip(c) for c in items)
    if not inner:
        return Markup("")
    aria = f' role="group" aria-label="{escape(label)}"' if label else ""
    return Markup(f'<span class="md-tags bb-chips"{aria}>{inner}</span>')


def link(c: Any) -> Markup:
    """A link to a chip's page, or its label alone when the page is not built."""
    if c.url:
        return Markup(f'<a href="{escape(c.url)}">{escape(c.label)}</a>')
    return escape(c.label)


def labelled(css: str, label: Callable[[Any], str]) -> Callable[[Any], Markup]:
    """A renderer for an enum member as a coloured label with its name in the site language."""

    def render(value: Any) -> Markup:
        name = escape(value.value)
        return Markup(f'<span class="bb-{css} bb-{css}--{name}">{escape(label(value))}</span>')

    return render


def graded(
    t: Callable[[str], str], meaning: Callable[[Any], str]
) -> Callable[..., Markup]:
    """A renderer for a source grade (``B2``) as a badge, its meaning in the tooltip and for
    screen readers, or in the text with ``full=True``; nothing for an ungraded claim."""

    def render(grade: Any, full: bool = False) -> Markup:
        if not grade:
            return Markup("")
        label, text, word = escape(grade.label), escape(meaning(grade)), escape(t("grade"))
        tail = (f' <span class="bb-grade__meaning">{text}</span>' if full
                else f'<span class="bb-sr-only"> ({word}: {text})</span>')
        return Markup(
            f'<span class="bb-grade bb-grade--{escape(grade.reliability.lower())}" '
            f'title="{word} {label} — {text}"><span class="bb-grade__label">{label}</span>'
            f"{tail}</span>"
        )

    return render
