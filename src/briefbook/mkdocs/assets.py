"""The CSS and JavaScript files that ship inside the package, linked from every page."""

from __future__ import annotations

from importlib import resources

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ASSET_DIR = "assets/briefbook"


def asset_uri(name: str) -> str:
    """Where a packaged asset is published in the site (``assets/briefbook/<name>``)."""
    return f"{ASSET_DIR}/{name}"


def link_asset(config: MkDocsConfig, name: str) -> None:
    """Add a packaged stylesheet or script to every page, once (call from ``on_config``)."""
    uri = asset_uri(name)
    links = config.extra_css if name.endswith(".css") else config.extra_javascript
    if uri not in links:
        links.append(uri)


def ship_asset(files: Files, config: MkDocsConfig, name: str) -> None:
    """Publish a packaged asset with the site (call from ``on_files``)."""
    source = resources.files("briefbook") / "assets" / name
    files.append(File.generated(config, asset_uri(name), abs_src_path=str(source)))
