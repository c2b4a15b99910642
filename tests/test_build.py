"""Builds of the example dossier and of small dossiers, asserting on the produced HTML."""

import logging
import re
import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort
from support import ROOT, build_project, make_project

BRIEF_IDS = [p.stem for p in (ROOT / "briefs").rglob("*.md")
             if p.parent.name not in ("actors", "topics")]


def test_example_has_a_page_per_brief(example_site):
    assert len(BRIEF_IDS) >= 4
    for brief_id in BRIEF_IDS:
        html = example_site.html(f"briefs/{brief_id}/")
        assert 'class="bb-brief-header"' in html
    assert example_site.warnings == []


def test_brief_page_header_body_and_sections(example_site):
    html = example_site.html("briefs/nato-role-in-reassurance-force/")
    assert "<h1>NATO could anchor the European reassurance force for Ukraine</h1>" in html
    assert '<time datetime="2025-04">c. April 2025</time>' in html
    assert "Translated from English" in html
    assert 'id="what-happened"' in html  # the analyst's body, rendered by MkDocs
    for section in ("positions", "events", "questions"):
        assert f'<h2 id="{section}">' in html
    assert html.count('class="bb-position"') == 4
    assert "bb-stance--supports" in html
    # the table of contents carries the generated sections too
    assert 'href="#positions"' in html
    # no placeholder survives
    assert "<!--bb:" not in html


def test_french_brief_keeps_its_language(example_site):
    html = example_site.html("briefs/version-francaise-note-de-lecture/")
    assert '<dd lang="fr">French</dd>' in html


def test_briefs_index_lists_every_brief_newest_first(example_site):
    html = example_site.html("briefs/")
    links = re.findall(r'class="bb-brief-item__title" href="([^"]+)"', html)
    assert sorted(link.strip("/") for link in links) == sorted(BRIEF_IDS)
    # briefs are not in the global navigation, the index is
    nav_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', html)
    assert "./" in nav_links
    assert not any("nato-role" in link for link in nav_links)


DOSSIER = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/topics/force.md": "---\ntitle: Force\n---\n",
}


def _briefs(n):
    return {
        f"briefs/b{i:02d}.md": f"---\ntitle: Brief {i}\ndate: '2025-01-{i + 1:02d}'\n"
                               f"summary: Summary {i}\n---\nBody {i}\n"
        for i in range(n)
    }


def test_briefs_index_is_paginated(tmp_path):
    project = make_project(tmp_path, {**DOSSIER, **_briefs(5)},
                           plugins="  - briefbook:\n      page_size: 2")
    site = build_project(project)
    first = site.html("briefs/")
    assert "Page 1 of 3" in first
    assert re.findall(r'bb-brief-item__title" href="([^"]+)"', first) == ["b04/", "b03/"]
    assert 'href="page/2/"' in first
    third = site.html("briefs/page/3/")
    assert re.findall(r'bb-brief-item__title" href="([^"]+)"', third) == ["../../b00/"]
    assert 'href="../2/"' in third


def test_user_values_are_escaped(tmp_path):
    project = make_project(tmp_path, {**DOSSIER, "briefs/x.md": """
        ---
        title: "<script>alert(1)</script>"
        date: "2025"
        summary: "<img src=x onerror=alert(2)>"
        source: {publisher: "<i>P</i>", url: "https://example.org/?a=1&b=\\"2"}
        ---
        Body.
    """})
    html = build_project(project).html("briefs/x/")
    assert "<script>alert(1)" not in html
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; - Test dossier</title>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "<i>P</i>" not in html
    assert 'href="https://example.org/?a=1&amp;b=&#34;2"' in html


def test_errors_stop_the_build_with_every_diagnostic(tmp_path, caplog):
    project = make_project(tmp_path, {**DOSSIER,
        "briefs/a.md": "---\ntitle: A\ndate: '2025-13'\n---\n",
        "briefs/b.md": "---\ntitle: B\ndate: '2025'\nactors: [natoo]\n---\n",
    })
    with pytest.raises(Abort):
        build_project(project)
    message = caplog.text
    assert "briefs/a.md:3:7: error: 'date': '2025-13': month 13 does not exist" in message
    assert "briefs/b.md:4:10: error: unknown actor 'natoo'" in message
    assert "(did you mean 'nato'?)" in message


def test_cli_build_error_has_no_traceback(tmp_path):
    project = make_project(tmp_path, {**DOSSIER, "briefs/a.md": "---\ntitle: [\n---\n"})
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True,
        text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "briefs/a.md:3:1: error: YAML syntax error" in proc.stderr


def test_strict_fails_on_warnings(tmp_path):
    project = make_project(tmp_path, {**DOSSIER,
        "briefs/a.md": "---\ntitle: A\ndate: '2025'\ntitel: x\n---\n"})
    assert any("unknown field 'titel'" in w for w in build_project(project).warnings)
    with pytest.raises(Exception, match="warnings"):
        build_project(project, strict=True)


def test_serve_reports_errors_and_keeps_building(tmp_path, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = make_project(tmp_path, {**DOSSIER,
        "briefs/good.md": "---\ntitle: Good\ndate: '2025'\n---\nok\n",
        "briefs/bad.md": "---\ntitle: Bad\ndate: 'soon'\n---\n",
    })
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    assert (project / "site/briefs/good/index.html").exists()
    assert not (project / "site/briefs/bad/index.html").exists()
    assert "briefs/bad.md:3:7: error: 'date': 'soon' is not a date" in caplog.text


def test_serve_cache_parses_only_changed_files(tmp_path):
    from briefbook.pipeline import DossierLoader

    make_project(tmp_path, {**DOSSIER, **_briefs(3)})
    loader = DossierLoader()
    first = loader.load(tmp_path / "briefs", tmp_path)
    assert first.files_parsed == first.files_seen == 5
    (tmp_path / "briefs/b01.md").write_text("---\ntitle: Edited\ndate: '2025'\n---\n")
    second = loader.load(tmp_path / "briefs", tmp_path)
    assert second.files_parsed == 1
    assert second.dossier.briefs["b01"].title == "Edited"


def test_generated_page_does_not_replace_an_authored_one(tmp_path):
    project = make_project(tmp_path, {**DOSSIER, **_briefs(1)},
                           docs={"briefs/b00.md": "# Mine\n"})
    site = build_project(project)
    assert "<h1 id=\"mine\">Mine" in site.html("briefs/b00/")
    assert any("docs/briefs/b00.md is published at briefs/b00/index.html" in w
               for w in site.warnings)


def test_authored_page_at_the_same_address_is_reported(tmp_path):
    project = make_project(tmp_path, {**DOSSIER, **_briefs(1)}, docs={"briefs.md": "# Mine\n"})
    site = build_project(project)
    assert "<h1 id=\"mine\">Mine" in site.html("briefs/")
    assert any("docs/briefs.md is published at briefs/index.html" in w for w in site.warnings)


@pytest.mark.parametrize("briefs_dir", ["docs/briefs", "docs"])
def test_briefs_dir_inside_docs_dir_stops_the_build(tmp_path, caplog, briefs_dir):
    """MkDocs would publish the raw dossier files a second time, titles unescaped."""
    brief = "---\ntitle: \"<img src=x onerror=alert(1)>\"\ndate: '2025'\n---\n"
    files = {f"{briefs_dir}/{rel.removeprefix('briefs/')}": text
             for rel, text in {**DOSSIER, "briefs/a.md": brief}.items()}
    project = make_project(tmp_path, files,
                           plugins=f"  - briefbook:\n      briefs_dir: {briefs_dir}")
    with pytest.raises(Abort):
        build_project(project)
    assert (f"briefbook: briefs_dir '{briefs_dir}' is inside docs_dir 'docs', so MkDocs would "
            "also publish the raw dossier files as pages; move the dossier folder beside "
            "mkdocs.yml") in caplog.text
    assert not (project / "site" / "a").exists()


OVERRIDES = """\
site_name: Custom
theme:
  name: material
  custom_dir: overrides
plugins:
  - briefbook
  - briefbook/actors
"""


@pytest.mark.parametrize(("template", "text", "problem"), [
    ("brief_header.html", "<header>\n<h1>{{ brief.title }</h1>\n</header>\n",
     "overrides/briefbook/brief_header.html:2: error: template briefbook/brief_header.html "
     "cannot be rendered: unexpected '}'"),
    ("actor_header.html", "<header>\n<h1>{{ actor.name }}</h1>\n{{ actor.nickname }}\n</header>\n",
     "overrides/briefbook/actor_header.html:3: error: template briefbook/actor_header.html "
     "cannot be rendered: 'briefbook.model.dossier.Actor object' has no attribute 'nickname'"),
    ("brief_header.html", "<header>\n{{ 1 / 0 }}\n</header>\n",
     "overrides/briefbook/brief_header.html:2: error: template briefbook/brief_header.html "
     "cannot be rendered: ZeroDivisionError: division by zero"),
    ("brief_header.html", '{% include "briefbook/mine.html" %}\n',
     "overrides/briefbook/brief_header.html:1: error: template briefbook/brief_header.html "
     "cannot be rendered: it includes the template 'briefbook/mine.html', which does not exist"),
])
def test_broken_template_override_names_its_file_and_line(tmp_path, caplog, template, text,
                                                          problem):
    files = {**DOSSIER, "briefs/a.md": "---\ntitle: A\ndate: '2025'\nactors: [nato]\n---\n"}
    project = make_project(tmp_path, files, mkdocs_yml=OVERRIDES)
    (project / "overrides/briefbook").mkdir(parents=True)
    (project / "overrides/briefbook" / template).write_text(text, encoding="utf-8")
    with pytest.raises(Abort):
        build_project(project)
    assert problem + "; fix this template override, or delete it to use Briefbook's own " \
        f"briefbook/{template}" in caplog.text
    assert "Traceback" not in caplog.text


def test_broken_template_override_gives_no_traceback_on_the_command_line(tmp_path):
    project = make_project(tmp_path, DOSSIER, mkdocs_yml=OVERRIDES)
    (project / "overrides/briefbook").mkdir(parents=True)
    (project / "overrides/briefbook/actors_index.html").write_text("{% for %}\n")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True,
        text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "briefbook/actors: overrides/briefbook/actors_index.html:1: error: template" \
        in proc.stderr


@pytest.mark.parametrize(("plugin", "option", "value", "least"), [
    ("briefbook", "topic_briefs_limit", "-1", 0),
    ("briefbook", "print_max_briefs", "-5", 0),
    ("briefbook", "page_size", "0", 1),
    ("briefbook", "questions_page_size", "-1", 1),
    ("briefbook", "positions_page_size", "0", 1),
    ("briefbook", "changes_weeks_per_page", "0", 1),
    ("briefbook", "changes_items_limit", "0", 1),
    ("briefbook", "feed_weeks", "0", 1),
    ("briefbook", "page_size", "yes", 1),  # YAML true, which Python would count as 1
    ("briefbook/actors", "related_briefs", "-1", 0),
    ("briefbook/actors", "related_actors", "-1", 0),
    ("briefbook/actors", "positions_per_topic", "-1", 0),
    ("briefbook/actors", "events_limit", "-1", 0),
    ("briefbook/actors", "page_size", "0", 1),
    ("briefbook/timeline", "split_after", "-3", 1),
    ("briefbook/timeline", "slice_limit", "0", 1),
])
def test_numeric_options_below_their_minimum_stop_the_build(tmp_path, caplog, plugin, option,
                                                           value, least):
    plugins = {name: f"  - {name}" for name in ("briefbook", "briefbook/actors",
                                                 "briefbook/timeline")}
    plugins[plugin] += f":\n      {option}: {value}"
    project = make_project(tmp_path, DOSSIER, plugins="\n".join(plugins.values()))
    with pytest.raises(Abort):
        build_project(project)
    found = "true" if value == "yes" else value
    assert (f"{plugin}: '{option}' must be {least} or more, found {found}; set a whole number "
            f"in mkdocs.yml under the '{plugin}' plugin") in caplog.text


def test_empty_briefs_dir_stops_the_build(tmp_path, caplog):
    project = make_project(tmp_path, DOSSIER, plugins="  - briefbook:\n      briefs_dir: ' '")
    with pytest.raises(Abort):
        build_project(project)
    assert ("briefbook: 'briefs_dir' is empty; give the dossier folder's path, e.g. "
            "briefs_dir: briefs") in caplog.text


@pytest.mark.parametrize(("language", "told"),
                         [("it", True), ("de", False), ("fr", False), ("en", False)])
def test_a_language_without_labels_is_mentioned_once_at_info(tmp_path, caplog, language, told):
    project = make_project(tmp_path, DOSSIER, language=language)
    caplog.set_level(logging.INFO, logger="mkdocs")
    site = build_project(project, strict=True)  # not a warning: --strict passes
    notice = (f"briefbook: theme.language is '{language}'; Briefbook's own labels exist in de, "
              "en and fr only, so its pages show them in English")
    found = [r.levelno for r in caplog.records if r.getMessage() == notice]
    assert found == ([logging.INFO] if told else [])
    assert not any("theme.language" in w for w in site.warnings)
