"""Independent checkers run on every example site: the Nu HTML Checker and axe-core.

Both come from npm (``tests/checkers/package.json``, installed by ``scripts/test.sh`` into
``tests/checkers/node_modules``); the Nu checker runs on Debian's Java. The examples are the
repository's own (``mkdocs.yml`` at the top) and every ``examples/*/mkdocs.yml``. Each is built
from a copy with two plain Markdown pages added, one in the navigation and one out of it: what
the checkers say of those is what Material itself produces, the baseline Briefbook's pages are
compared with.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import ROOT, BuiltSite, mkdocs_messages

NODE_MODULES = ROOT / "tests" / "checkers" / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"

PLAIN_IN_NAV = "checker-plain-in-nav"
PLAIN_OUT_OF_NAV = "checker-plain-out-of-nav"
PLAIN_TEXT = """\
# A plain page

A paragraph of plain Markdown with a [link](https://example.org/) and a list:

- one
- two

## A section

| A | B |
| --- | --- |
| 1 | 2 |
"""
#: The impacts axe-core reports that fail the tests.
BLOCKING_IMPACTS = ("serious", "critical")


def example_projects() -> list[Path]:
    """The folders of every example project of the repository, the top-level one first."""
    found = [ROOT] if (ROOT / "mkdocs.yml").is_file() else []
    found += sorted(p.parent for p in (ROOT / "examples").glob("*/mkdocs.yml"))
    return found


def example_name(project: Path) -> str:
    return "example" if project == ROOT else f"examples/{project.name}"


def require(path: Path, what: str) -> Path:
    """Fail, rather than skip, when a checker is missing: a skipped check proves nothing."""
    if not path.is_file():
        pytest.fail(f"{what} is not installed at {path}: run 'bash scripts/test.sh', which "
                    "installs it with npm into tests/checkers/node_modules")
    return path


def copy_project(source: Path, target: Path) -> Path:
    """A copy of an example project: its mkdocs.yml and the folders beside it (not the site)."""
    target.mkdir(parents=True, exist_ok=True)
    if source == ROOT:
        for name in ("docs", "briefs"):
            shutil.copytree(ROOT / name, target / name)
        shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
        return target
    shutil.copytree(source, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("site", ".cache", "__pycache__"))
    return target


@dataclass
class CheckedSite:
    """A built example, its page kinds (one page each) and the two plain baseline pages."""

    name: str
    built: BuiltSite
    kinds: dict[str, str] = field(default_factory=dict)  # kind -> site URL path ("briefs/x/")

    @property
    def site(self) -> Path:
        return self.built.site

    def pages(self) -> list[Path]:
        """Every HTML page of the site (the 404 page too)."""
        return sorted(self.site.rglob("*.html"))


def build_for_checkers(source: Path, tmp: Path, strict: bool = True) -> CheckedSite:
    """Build a copy of ``source`` with the plain baseline pages, with ``--strict``."""
    project = copy_project(source, tmp)
    config_file = str(project / "mkdocs.yml")
    docs_dir = Path(load_config(config_file=config_file)["docs_dir"])
    (docs_dir / f"{PLAIN_IN_NAV}.md").write_text(PLAIN_TEXT, encoding="utf-8")
    (docs_dir / f"{PLAIN_OUT_OF_NAV}.md").write_text(PLAIN_TEXT, encoding="utf-8")
    site = project / "site"
    with mkdocs_messages() as warnings:
        config = load_config(config_file=config_file, site_dir=str(site), strict=strict,
                             not_in_nav=f"/{PLAIN_OUT_OF_NAV}.md")
        if config["nav"] is not None:  # in a section: Material marks up nested pages apart
            config["nav"].append({"Plain pages": [{"Plain page": f"{PLAIN_IN_NAV}.md"}]})
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    built = BuiltSite(project, site, warnings)
    return CheckedSite(example_name(source), built, page_kinds(site, docs_dir))


def page_kinds(site: Path, docs_dir: Path) -> dict[str, str]:
    """One page of each kind Briefbook generates, plus the home page and the plain pages.

    A kind is a page's place in the site with the item names left out: ``briefs/*`` for a
    brief, ``timeline`` for the timeline, ``actors/*/briefs/*`` for an actor's further briefs.
    Pages written in ``docs/`` (other than the home page) are not kinds of their own.
    """
    kinds: dict[str, str] = {}
    for page in sorted(site.rglob("index.html"), key=lambda p: (len(p.parts), str(p))):
        parts = page.relative_to(site).parent.parts
        url = "/".join(parts) + "/" if parts else ""
        if parts and _written(docs_dir, parts):
            if parts[0] in (PLAIN_IN_NAV, PLAIN_OUT_OF_NAV):
                kinds[f"plain ({parts[0]})"] = url
            continue
        if parts[:1] == ("search",) or parts[:1] == ("assets",):
            continue
        kind = "home" if not parts else "/".join(
            p if i == 0 or p == "page" or (p == "briefs" and i >= 2) else "*"
            for i, p in enumerate(parts))
        kinds.setdefault(kind, url)
    return kinds


def _written(docs_dir: Path, parts: tuple[str, ...]) -> bool:
    stem = docs_dir.joinpath(*parts)
    return stem.with_suffix(".md").is_file() or (stem / "index.md").is_file() \
        or (stem / "README.md").is_file()


# -- the Nu HTML Checker ----------------------------------------------------------------------
@dataclass(frozen=True)
class HtmlError:
    page: str  # the site URL path of the page
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page or '/'}: {self.message} [{self.extract.strip()[:120]}]"


def run_vnu(pages: list[Path], site: Path) -> list[HtmlError]:
    """Check every page in one Java process; the errors (warnings left out) per page."""
    jar = require(VNU_JAR, "The Nu HTML Checker (npm vnu-jar)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("no java: run 'bash scripts/test.sh' (it installs default-jre-headless)")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--exit-zero-always", "--format", "json",
         *map(str, pages)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"the Nu HTML Checker did not run: {result.stderr[-2000:]}")
    report = json.loads(result.stderr or result.stdout)
    errors = []
    for message in report["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        errors.append(HtmlError(_url_path(message.get("url", ""), site), message["message"],
                                message.get("extract", "")))
    return errors


def _url_path(url: str, site: Path) -> str:
    """``briefs/x/`` for ``file:/…/site/briefs/x/index.html``; ``404.html`` for that page."""
    path = Path(url.removeprefix("file:"))
    try:
        relative = path.relative_to(site).as_posix()
    except ValueError:
        return url
    return relative.removesuffix("index.html")


def beyond_baseline(errors: list[HtmlError], baseline_pages: set[str]) -> list[HtmlError]:
    """The errors a plain Material page of the same build does not have.

    An error kind (its message) a plain page has is allowed on any page as many times as the
    plain page that has it most has it; anything else, or more of it, is Briefbook's.
    """
    allowed: Counter[str] = Counter()
    for page in baseline_pages:
        here = Counter(e.message for e in errors if e.page == page)
        for message, count in here.items():
            allowed[message] = max(allowed[message], count)
    extra: list[HtmlError] = []
    seen: Counter[tuple[str, str]] = Counter()
    for error in errors:
        if error.page in baseline_pages:
            continue
        seen[(error.page, error.message)] += 1
        if seen[(error.page, error.message)] > allowed[error.message]:
            extra.append(error)
    return extra


# -- axe-core ----------------------------------------------------------------------------------
AXE_RUN = """async () => {
  const inContent = target => {
    const element = document.querySelector(target[0]);
    return !!(element && element.closest(".md-content"));
  };
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    content: v.nodes.filter(n => inContent(n.target)).map(n => n.target.join(" ")),
    chrome: v.nodes.filter(n => !inContent(n.target)).map(n => n.target.join(" "))}));
}"""


def axe_violations(page, dark: bool) -> list[dict]:
    """axe-core's violations on the loaded page, in Material's light or dark (slate) scheme."""
    script = require(AXE_JS, "axe-core (npm axe-core)").read_text(encoding="utf-8")
    scheme = "slate" if dark else "default"
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    page.add_script_tag(content=script)
    return page.evaluate(AXE_RUN)


__all__ = [
    "AXE_JS", "BLOCKING_IMPACTS", "PLAIN_IN_NAV", "PLAIN_OUT_OF_NAV", "VNU_JAR", "CheckedSite",
    "HtmlError", "axe_violations", "beyond_baseline", "build_for_checkers", "example_name",
    "example_projects", "record_figures",
    "run_vnu",
]


# -- figures -----------------------------------------------------------------------------------
FIGURES_DIR = ROOT / "test-artifacts" / "quality"


def record_figures(name: str, check: str, figures: dict) -> None:
    """Keep a checker's figures of this run (``test-artifacts/quality/``, not committed), the
    numbers ``docs/quality.md`` reports."""
    FIGURES_DIR.mkdir(parents=True, exist_ok=True)
    target = FIGURES_DIR / f"{name.replace('/', '-')}-{check}.json"
    target.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
