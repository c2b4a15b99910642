import os
from collections.abc import Iterator

import pytest
from browser_support import launch_chromium
from checkers_support import CheckedSite, build_for_checkers, example_name, example_projects
from playwright.sync_api import Browser, Page
from sitehttp import serve
from support import SUBPATH_SITE_URL, BuiltSite, build_project, copy_example

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> BuiltSite:
    """The repository's example dossier, built once per test session with --strict."""
    project = copy_example(tmp_path_factory.mktemp("example"))
    return build_project(project, strict=True)


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> BuiltSite:
    """The example dossier built for a sub-path (``SUBPATH_SITE_URL``), as on GitHub Pages."""
    project = copy_example(tmp_path_factory.mktemp("subpath"))
    return build_project(project, strict=True, site_url=SUBPATH_SITE_URL)


@pytest.fixture(scope="session")
def example_origin(example_site: BuiltSite) -> Iterator[str]:
    """The example site served at the root of a local origin, e.g. ``http://127.0.0.1:4711``."""
    with serve(example_site.site) as origin:
        yield origin


@pytest.fixture(scope="session", params=example_projects(), ids=example_name)
def checked_site(request, tmp_path_factory) -> CheckedSite:
    """Each example of the repository (``mkdocs.yml``, ``examples/*/mkdocs.yml``) built once per
    session with --strict, with the plain pages the checkers' baseline is taken from."""
    return build_for_checkers(request.param, tmp_path_factory.mktemp("checked"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """A headless Chromium (``browser_support``), one per test module: Playwright's sync API
    runs one instance at a time, so each module's is closed before the next module starts."""
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def page(browser: Browser) -> Page:
    """One page (in a context of its own) that all tests of a module share; a module that needs
    a fresh page per test defines its own ``page`` fixture."""
    return browser.new_page()
