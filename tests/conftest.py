import os

import pytest
from support import BuiltSite, build_project, copy_example

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> BuiltSite:
    """The repository's example dossier, built once per test session with --strict."""
    project = copy_example(tmp_path_factory.mktemp("example"))
    return build_project(project, strict=True)
