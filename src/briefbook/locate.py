"""Find the dossier folder that a command-line argument points at.

The argument is either the dossier folder itself (the one holding ``actors/`` and ``topics/``) or
a project folder with ``mkdocs.yml``, whose ``briefbook`` plugin config names the folder in
``briefs_dir``. Only what is needed is read from ``mkdocs.yml``, with a safe YAML loader that
ignores MkDocs's custom tags (``!ENV``, ``!!python/name:...``) instead of running anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
DEFAULT_BRIEFS_DIR = "briefs"
PLUGIN_NAME = "briefbook"


class DossierNotFound(Exception):
    """The argument names no folder that could be a dossier; the message says why."""


@dataclass(frozen=True)
class DossierPaths:
    """The dossier folder, and the ``mkdocs.yml`` it was found through (if any)."""

    root: Path
    config: Path | None = None


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads unknown tags as plain values and never constructs objects."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_TolerantLoader.add_multi_constructor("", _plain)


def read_config(path: Path) -> dict[str, Any]:
    """The mapping in a ``mkdocs.yml``; a file that is not a mapping reads as empty."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DossierNotFound(f"cannot read {path}: {exc}") from exc
    return data if isinstance(data, dict) else {}


def _plugin_options(config: dict[str, Any]) -> dict[str, Any] | None:
    """The options of the ``briefbook`` plugin, or None when the plugin is not listed."""
    plugins = config.get("plugins")
    entries: list[Any] = []
    if isinstance(plugins, dict):
        entries = [{name: options} for name, options in plugins.items()]
    elif isinstance(plugins, list):
        entries = plugins
    for entry in entries:
        if entry == PLUGIN_NAME:
            return {}
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME]
            return options if isinstance(options, dict) else {}
    return None


def briefs_dir_from_config(path: Path) -> Path:
    """The dossier folder named by a ``mkdocs.yml`` (``briefs`` beside it by default)."""
    config = read_config(path)
    options = _plugin_options(config)
    parent = config.get("INHERIT")
    if options is None and isinstance(parent, str):
        inherited = (path.parent / parent).resolve()
        if inherited.is_file():
            options = _plugin_options(read_config(inherited))
    briefs_dir = (options or {}).get("briefs_dir", DEFAULT_BRIEFS_DIR)
    if not isinstance(briefs_dir, str) or not briefs_dir.strip():
        briefs_dir = DEFAULT_BRIEFS_DIR
    return path.parent / briefs_dir


def find_dossier(argument: str | Path = ".") -> DossierPaths:
    """Resolve a ``DOSSIER`` argument: a dossier folder, a project folder or a ``mkdocs.yml``."""
    path = Path(argument)
    if path.is_file() and path.suffix in (".yml", ".yaml"):
        return DossierPaths(briefs_dir_from_config(path), path)
    if not path.is_dir():
        raise DossierNotFound(
            f"'{argument}' is not a folder; give the dossier folder (e.g. briefs) or the "
            "project folder that holds mkdocs.yml"
        )
    for name in CONFIG_NAMES:
        config = path / name
        if config.is_file():
            return DossierPaths(briefs_dir_from_config(config), config)
    nested = path / DEFAULT_BRIEFS_DIR
    if nested.is_dir() and not (path / "actors").is_dir() and not (path / "topics").is_dir():
        return DossierPaths(nested)
    return DossierPaths(path)
