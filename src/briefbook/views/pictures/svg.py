"""Small helpers every picture shares: escaping, number formatting and the frame around it.

Numbers are written with at most one decimal, so that the output does not depend on float
noise; every text is escaped where it lands, attributes included.

Links inside an SVG are written ``xlink:href``: Material's instant navigation rewrites every
element matching ``[href]`` as if it were HTML, which throws on an SVG ``<a>``; the XLink form is
outside that selector, and every browser follows it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


def esc(text: str) -> str:
    """Text escaped for an SVG or HTML element or a double-quoted attribute."""
    return html.escape(text, quote=True)


def num(value: float) -> str:
    """A coordinate with one decimal at most (``12``, ``12.5``), never ``-0``."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def attrs(**values: str | float | None) -> str:
    """`` name="value"`` pairs in the order given; ``None`` leaves one out, ``_`` becomes ``-``."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        text = num(value) if isinstance(value, float | int) and not isinstance(value, bool) \
            else str(value)
        parts.append(f' {name.rstrip("_").replace("_", "-")}="{esc(text)}"')
    return "".join(parts)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for labels inside a picture."""
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


@dataclass(frozen=True)
class Frame:
    """What surrounds a picture: its kind, ids, accessible name and description, zoom labels."""

    kind: str  # timeline, network, stances: a CSS class and the data-bb-picture value
    prefix: str  # unique on the page: every id inside the picture starts with it
    title: str
    description: str
    zoom_in: str = "Zoom in"
    zoom_out: str = "Zoom out"
    zoom_reset: str = "Fit"
    scroll_label: str = ""


def figure(frame: Frame, svg_body: str, width: float, height: float, alternative: str = "",
           caption: str = "", zoom: bool = True, extra: str = "") -> str:
    """The ``<figure>``: zoom buttons (shown by script), a scrollable, focusable region with the
    SVG (named by its title, described by its description), a caption and the text alternative.
    """
    title_id, desc_id = f"{frame.prefix}-title", f"{frame.prefix}-desc"
    tools = ""
    if zoom:
        tools = (
            '<div class="bb-pic-tools" hidden>'
            f'<button type="button" class="md-button bb-pic-zoom" data-bb-zoom="in">'
            f"{esc(frame.zoom_in)}</button> "
            f'<button type="button" class="md-button bb-pic-zoom" data-bb-zoom="out">'
            f"{esc(frame.zoom_out)}</button> "
            f'<button type="button" class="md-button bb-pic-zoom" data-bb-zoom="reset">'
            f"{esc(frame.zoom_reset)}</button></div>"
        )
    svg = (
        f'<svg class="bb-pic-svg" xmlns="http://www.w3.org/2000/svg" role="group"'
        f'{attrs(width=width, height=height)} viewBox="0 0 {num(width)} {num(height)}"'
        f' aria-labelledby="{title_id}" aria-describedby="{desc_id}">'
        f'<title id="{title_id}">{esc(frame.title)}</title>'
        f'<desc id="{desc_id}">{esc(frame.description)}</desc>{svg_body}</svg>'
    )
    scroll_label = esc(frame.scroll_label or frame.title)
    caption_html = f'<figcaption class="bb-muted">{esc(caption)}</figcaption>' if caption else ""
    return (
        f'<figure class="bb-pic bb-pic--{esc(frame.kind)}" data-bb-picture="{esc(frame.kind)}"'
        f' data-bb-width="{num(width)}" id="{esc(frame.prefix)}">{tools}{extra}'
        f'<div class="bb-pic-scroll" tabindex="0" role="region" aria-label="{scroll_label}">'
        f"{svg}</div>{caption_html}{alternative}</figure>"
    )

