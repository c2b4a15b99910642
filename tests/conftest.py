import os

import pytest
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
