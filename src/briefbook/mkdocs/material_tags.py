"""Material's own tags plugin: when it is on, briefs' tags become Material tags."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

TAGS_MODULE = "material.plugins.tags"


def material_tags_property(config: MkDocsConfig) -> str | None:
    """The page meta key Material's tags plugin reads tags from (``tags``), or None when the
    plugin is not configured, is disabled, or does not render tags."""
    for plugin in config.plugins.values():
        if not type(plugin).__module__.startswith(TAGS_MODULE):
            continue
        options = plugin.config
        if options.get("enabled", True) and options.get("tags", True):
            return str(options.get("tags_name_property", "tags"))
    return None
