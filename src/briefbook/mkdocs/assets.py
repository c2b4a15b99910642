"""The CSS and JavaScript files that ship inside the package, and the pages that load them.

They are linked from the pages that use them only, not from every page of the site (a host
site's own pages stay as they are): the stylesheet in ``<head>`` of every page with Briefbook
content, each script in the page's content container when the page holds what it works on.
Material's instant navigation swaps ``<head>`` tags from page to page and runs again the scripts
of the container, so both also load when a reader arrives on such a page without a reload.
"""

from __future__ import annotations

from importlib import resources

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

ASSET_DIR = "assets/briefbook"
CSS_NAME = "briefbook.css"
PICTURES_CSS_NAME = "pictures.css"  # the pictures and the preview cards
SCRIPTS = {
    # script: the attributes of the elements it works on (one is enough)
    "grade-filter.js": ("data-bb-grade-filter",),
    "actors-filter.js": ("data-bb-filter",),
    "timeline.js": ("data-bb-timeline", "data-bb-keep-query"),
    # zoom and filter the pictures; preview cards on links to actors and briefs
    "pictures.js": ("data-bb-picture", "bb-chip", "bb-mention", "bb-brief", "bb-cite"),
}


def asset_uri(name: str) -> str:
    """Where a packaged asset is published in the site (``assets/briefbook/<name>``)."""
    return f"{ASSET_DIR}/{name}"


def ship_asset(files: Files, config: MkDocsConfig, name: str) -> None:
    """Publish a packaged asset with the site (call from ``on_files``)."""
    source = resources.files("briefbook") / "assets" / name
    files.append(File.generated(config, asset_uri(name), abs_src_path=str(source)))


def scripts_needed(html: str) -> list[str]:
    """The packaged scripts whose elements are in ``html``."""
    return [name for name, markers in SCRIPTS.items() if any(m in html for m in markers)]


def with_assets(output: str, page_url: str) -> str:
    """A rendered page with Briefbook's stylesheet and the scripts it needs linked.

    The stylesheet goes last in ``<head>`` (after the theme's, as ``extra_css`` would), the
    scripts at the end of ``<main>``, inside Material's content container (else before
    ``</body>``).
    """

    def href(name: str) -> str:
        return get_relative_url(asset_uri(name), page_url)

    head = output.find("</head>")
    if head != -1:
        link = "".join(f'<link rel="stylesheet" href="{href(name)}">'
                       for name in (CSS_NAME, PICTURES_CSS_NAME))
        output = output[:head] + link + output[head:]
    scripts = "".join(f'<script src="{href(name)}"></script>' for name in scripts_needed(output))
    if scripts:
        end = output.rfind("</main>")
        if end == -1:
            end = output.rfind("</body>")
        if end == -1:
            end = len(output)
        output = output[:end] + scripts + output[end:]
    return output
