"""Every catalogue key Briefbook's templates and code can ask for, found by reading them.

Templates are parsed with Jinja (calls of ``t``, ``tn`` and ``plural_pattern``), Python modules
with :mod:`ast` (calls of ``t(…)``, ``….t(…)`` and ``….t.plural(…)``). A key must be written out
(``t("events")``) or looked up in a :class:`~briefbook.i18n.key_tables.KeyTable`
(``ctx.t(QUESTION_STATUS_HEADING[status])``); any other argument is reported as a problem, so no
key can be built where this collector cannot see it. The keys of every ``KeyTable`` in the
package are asked for too.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import nodes

import briefbook
from briefbook.i18n.key_tables import KeyTable
from briefbook.render.environment import Renderer

PACKAGE = Path(briefbook.__file__).parent
TEMPLATES = PACKAGE / "templates" / "briefbook"
#: Template functions whose first argument is a key: plain text, or text that depends on a number.
TEMPLATE_CALLS = {"t": "plain", "tn": "plural", "plural_pattern": "plural"}
PLURAL_METHODS = {"plural", "plural_pattern"}


@dataclass
class AskedKeys:
    """Keys asked for (key → how: ``plain`` or ``plural``) and where each is asked."""

    kinds: dict[str, set[str]] = field(default_factory=dict)
    places: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, key: str, kind: str, place: str) -> None:
        self.kinds.setdefault(key, set()).add(kind)
        self.places.setdefault(key, []).append(place)


def _template_keys(asked: AskedKeys) -> None:
    env = Renderer().env
    for path in sorted(TEMPLATES.glob("*.html")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if not isinstance(call.node, nodes.Name) or call.node.name not in TEMPLATE_CALLS:
                continue
            place = f"templates/briefbook/{path.name}:{call.lineno}"
            first = call.args[0] if call.args else None
            if isinstance(first, nodes.Const) and isinstance(first.value, str):
                asked.add(first.value, TEMPLATE_CALLS[call.node.name], place)
            else:
                asked.problems.append(f"{place}: {call.node.name}() with a key that is not "
                                      "written out")


def _is_translator(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "t") or \
        (isinstance(node, ast.Attribute) and node.attr == "t")


def _call_kind(func: ast.expr) -> str | None:
    if _is_translator(func):
        return "plain"
    if isinstance(func, ast.Attribute) and func.attr in PLURAL_METHODS and \
            _is_translator(func.value):
        return "plural"
    return None


def _python_keys(asked: AskedKeys) -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent)
        module_name = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        module = None
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            kind = _call_kind(call.func)
            if kind is None:
                continue
            place = f"{relative}:{call.lineno}"
            first = call.args[0] if call.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                asked.add(first.value, kind, place)
                continue
            if kind == "plain" and isinstance(first, ast.Subscript) and \
                    isinstance(first.value, ast.Name):
                module = module or importlib.import_module(module_name)
                if isinstance(getattr(module, first.value.id, None), KeyTable):
                    continue  # the table's keys are collected below
            asked.problems.append(f"{place}: a translation call whose key is neither written "
                                  "out nor looked up in a KeyTable")


def key_tables() -> list[KeyTable[object]]:
    """Every KeyTable defined in a module of the package."""
    tables: dict[int, KeyTable[object]] = {}
    for info in pkgutil.walk_packages(briefbook.__path__, "briefbook."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, KeyTable):
                tables[id(value)] = value
    return list(tables.values())


def asked_keys() -> AskedKeys:
    asked = AskedKeys()
    _template_keys(asked)
    _python_keys(asked)
    for table in key_tables():
        for key in table.catalogue_keys():
            asked.add(key, "plain", f"KeyTable '{table.name}'")
    return asked
