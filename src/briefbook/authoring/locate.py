"""Find the dossier folder that a command-line argument points at.

The argument is either the dossier folder itself (the one holding ``actors/`` and ``topics/``) or
a project folder with ``mkdocs.yml``, whose ``briefbook`` plugin config names the folder in
``briefs_dir``. Only what is needed is read from ``mkdocs.yml``, with a safe YAML loader that
ignores MkDocs's custom tags (``!ENV``, ``!!python/name:...``) instead of running anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from briefbook.load.files import discover, yaml_hint
from briefbook.model.diagnostics import line_and_column

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
DEFAULT_BRIEFS_DIR = "briefs"
PLUGIN_NAME = "briefbook"


class DossierNotFound(Exception):
    """The argument names no folder that could be a dossier; the message says why."""


class ConfigProblem(Exception):
    """``mkdocs.yml`` cannot say where the dossier is: broken YAML, or a ``briefs_dir`` that is
    not a folder name. ``line`` and ``col`` (1-based) say where in ``path``."""

    def __init__(self, path: Path, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: error: {message}")
        self.path = path
        self.line = line
        self.col = col
        self.message = message


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
    return loader.construct_scalar(cast(yaml.ScalarNode, node))  # YAML's third kind of node


_TolerantLoader.add_multi_constructor("", _plain)


@dataclass(frozen=True)
class _Config:
    """A ``mkdocs.yml`` read twice over: its values, and its YAML nodes (for positions)."""

    path: Path
    data: dict[str, Any]
    node: yaml.Node | None

    def problem(self, node: yaml.Node | None, message: str) -> ConfigProblem:
        mark = node.start_mark if node is not None else None
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return ConfigProblem(self.path, line, col, message)


def read_config(path: Path) -> _Config:
    """The settings in a ``mkdocs.yml``; broken YAML is a :class:`ConfigProblem` with its
    line and column, a file that cannot be opened a :class:`DossierNotFound`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DossierNotFound(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigProblem(path, line, col, f"{path.name} is not UTF-8 text (byte "
                            f"0x{data[exc.start]:02x}); save it as UTF-8") from None
    try:
        node = yaml.compose(text, Loader=_TolerantLoader)
        value = yaml.load(text, Loader=_TolerantLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        hint = yaml_hint(exc, text, 1)
        raise ConfigProblem(path, line, col, f"YAML syntax error in {path.name}: "
                            f"{exc.problem or 'invalid YAML'}{hint}") from None
    except yaml.YAMLError as exc:  # a character YAML refuses (ReaderError): no mark
        offset = getattr(exc, "position", 0)
        line, col = line_and_column(text, offset)
        raise ConfigProblem(path, line, col, f"{path.name} contains a character YAML does "
                            "not allow; delete it") from None
    config = _Config(path, value if isinstance(value, dict) else {}, node)
    if value is not None and not isinstance(value, dict):
        raise config.problem(node, f"{path.name} must be a mapping of settings "
                             "('site_name: ...'), not a single value or a list")
    return config


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node of ``key`` in a mapping node (None if absent or not a mapping)."""
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        for key_node, value_node in pairs:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value_node
    return None


def _plugin_options(config: _Config) -> tuple[dict[str, Any], yaml.Node | None] | None:
    """The options of the ``briefbook`` plugin and their node, or None when it is not listed."""
    plugins = config.data.get("plugins")
    node = _child(config.node, "plugins")
    if plugins is None:
        return None
    entries: list[tuple[object, yaml.Node | None]]
    if isinstance(plugins, dict):
        entries = [({name: options}, node) for name, options in plugins.items()]
        if PLUGIN_NAME in plugins:
            entries = [({PLUGIN_NAME: plugins[PLUGIN_NAME]}, node)]
    elif isinstance(plugins, list):
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [None] * len(plugins)
        entries = list(zip(plugins, nodes, strict=True))
    else:
        raise config.problem(node, "'plugins' must be a list of plugins")
    for entry, entry_node in entries:
        if entry == PLUGIN_NAME:
            return {}, None
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME]
            options_node = _child(entry_node, PLUGIN_NAME)
            if options is None:
                return {}, None
            if not isinstance(options, dict):
                raise config.problem(options_node, f"the options of the '{PLUGIN_NAME}' plugin "
                                     "must be a mapping ('briefs_dir: briefs')")
            return options, options_node
    return None


def plugin_option(path: Path, key: str) -> object:
    """The value a ``mkdocs.yml`` gives the ``briefbook`` plugin's option ``key`` (None when
    not given, or when the file does not use the plugin)."""
    found = _plugin_options(read_config(path))
    return None if found is None else found[0].get(key)


START_HINT = ("start a dossier with 'briefbook init' (or 'briefbook init FOLDER'), or give the "
              "dossier's folder or its project folder")


def briefs_dir_from_config(path: Path) -> Path:
    """The dossier folder named by a ``mkdocs.yml`` (``briefs`` beside it by default); a
    :class:`DossierNotFound` when it does not use the ``briefbook`` plugin."""
    config = read_config(path)
    found = _plugin_options(config)
    parent = config.data.get("INHERIT")
    if found is None and parent is not None:
        if not isinstance(parent, str) or not (path.parent / parent).is_file():
            raise config.problem(_child(config.node, "INHERIT"),
                                 f"'INHERIT' names '{parent}', which is not a file; give the "
                                 f"path of the configuration to extend, from {path.name}'s "
                                 "folder")
        config = read_config((path.parent / parent).resolve())
        found = _plugin_options(config)
    if found is None:
        raise DossierNotFound(f"{path.resolve()} does not use the '{PLUGIN_NAME}' plugin, so it "
                              f"is not a dossier's site; add '- {PLUGIN_NAME}' to its plugins, "
                              f"or {START_HINT}")
    options, options_node = found
    briefs_dir = options.get("briefs_dir")
    if briefs_dir is None:  # absent or left blank: MkDocs takes the default too
        return path.parent / DEFAULT_BRIEFS_DIR
    where = _child(options_node, "briefs_dir")
    if not isinstance(briefs_dir, str):
        kind = {bool: "true/false", int: "a number", float: "a number", list: "a list",
                dict: "a mapping"}.get(type(briefs_dir), type(briefs_dir).__name__)
        raise config.problem(where, f"'briefs_dir' must be text, the dossier folder's path, "
                             f"found {kind}; write it like briefs_dir: {DEFAULT_BRIEFS_DIR}")
    if not briefs_dir.strip():
        raise config.problem(where, "'briefs_dir' is empty; give the dossier folder's path, "
                             f"e.g. briefs_dir: {DEFAULT_BRIEFS_DIR}")
    return path.parent / briefs_dir  # relative to the mkdocs.yml built, as in MkDocs


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
    if looks_like_a_dossier(path):
        return DossierPaths(path)
    where = path.resolve()
    raise DossierNotFound(
        f"no dossier in {where}: looked for {where / CONFIG_NAMES[0]} with the "
        f"'{PLUGIN_NAME}' plugin, for a dossier folder {where / DEFAULT_BRIEFS_DIR}, and for "
        f"actors/, topics/ or Markdown files in {where} itself; {START_HINT}"
    )


def looks_like_a_dossier(folder: Path) -> bool:
    """A folder holding ``actors/``, ``topics/`` or a Markdown file (outside hidden folders)."""
    if (folder / "actors").is_dir() or (folder / "topics").is_dir():
        return True
    return next(discover(folder), None) is not None


def config_of(found: DossierPaths) -> Path | None:
    """The ``mkdocs.yml`` whose site a dossier is built into: the one it was found through,
    or, for a dossier folder given itself, the one beside it that names it in ``briefs_dir``."""
    if found.config is not None:
        return found.config
    for name in CONFIG_NAMES:
        config = found.root.parent / name
        if not config.is_file():
            continue
        try:
            if briefs_dir_from_config(config).resolve() == found.root.resolve():
                return config
        except (DossierNotFound, ConfigProblem):
            return None
    return None
