"""A cache folder that may come from elsewhere (restored in CI, damaged, hand-edited): never
followed out of itself, never read through a link, never trusted (found by an attacker's
review). Each case builds the example with ``cache_dir`` and checks the site is the cold one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from support import copy_example, site_files, subprocess_build

from briefbook.mkdocs.cache_folder import prune, read_entry, write_entry


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("cache") / "project")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs-cold.yml").write_text(config, encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace(
        "  - briefbook:\n", "  - briefbook:\n      cache_dir: .cache/bb\n", 1), encoding="utf-8")
    _build(root, "mkdocs-cold.yml", root.parent / "cold")
    return root


def _build(root: Path, config: str, site: Path, *options: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess_build(root, config, site, *options)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return proc


def _fresh_cache(project: Path) -> Path:
    shutil.rmtree(project / ".cache", ignore_errors=True)
    assert _build(project, "mkdocs.yml", project.parent / "fill").returncode == 0
    return project / ".cache/bb"


def _same_as_cold(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    proc = _build(project, "mkdocs.yml", project.parent / "warm", *options)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert site_files(project.parent / "warm") == site_files(project.parent / "cold")
    return proc


def test_pruning_never_follows_a_link_out_of_the_cache(project, tmp_path):
    cache = _fresh_cache(project)
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "important.txt").write_text("keep me", encoding="utf-8")
    (outside / "x.json").write_text("{}", encoding="utf-8")
    for kind in ("pages-v2", "renders-v2", "search-v2"):
        (cache / kind / "zz").symlink_to(outside, target_is_directory=True)
        (cache / kind / "00").mkdir(exist_ok=True)
        (cache / kind / "00" / "loop").symlink_to(outside / "important.txt")
    (cache / "renders-v2" / "01").mkdir(exist_ok=True)
    (cache / "renders-v2" / "01" / ("0" * 64)).mkdir()  # a folder where an entry would be
    _same_as_cold(project, "--strict")
    assert (outside / "important.txt").read_text(encoding="utf-8") == "keep me"
    assert (outside / "x.json").exists() and (outside / "sub").is_dir()
    assert not (cache / "pages-v2" / "00" / "loop").is_symlink()  # the link itself went


def test_an_entry_that_is_a_link_empty_or_cut_is_a_miss(project, tmp_path):
    cache = _fresh_cache(project)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-VALUE", encoding="utf-8")
    renders = sorted(p for p in (cache / "renders-v2").rglob("*") if p.is_file())
    pages = sorted(p for p in (cache / "pages-v2").rglob("*.json"))
    searches = sorted(p for p in (cache / "search-v2").rglob("*") if p.is_file())
    assert renders and pages and searches
    for entry in renders[::3] + pages[::3]:
        entry.unlink()
        entry.symlink_to(secret)
    for entry in renders[1::3]:
        entry.write_bytes(b"")
    for entry in renders[2::3]:
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    fifo = searches[0]
    fifo.unlink()
    os.mkfifo(fifo)  # would block a reader that opens it for good
    _same_as_cold(project, "--strict")
    assert "TOPSECRET" not in json.dumps(sorted(site_files(project.parent / "warm")), default=str)
    assert not any(b"TOPSECRET" in data for data in site_files(project.parent / "warm").values())


@pytest.mark.parametrize("content", ["", "null", "NaN", "{}", "[1, 2]", "[" * 100_000])
def test_a_search_entry_that_is_not_one_is_a_miss(project, content):
    cache = _fresh_cache(project)
    for entry in (p for p in (cache / "search-v2").rglob("*") if p.is_file()):
        write_entry(cache / "search-v2", entry.name, entry.name, content)
    for entry in list((cache / "pages-v2").rglob("*.json"))[:3]:
        write_entry(cache / "pages-v2", entry.stem, entry.name, content)
    _same_as_cold(project, "--strict")


def test_forged_messages_in_an_entry_are_one_line_on_a_known_logger(project, capsys):
    cache = _fresh_cache(project)
    for entry in (cache / "pages-v2").rglob("*.json"):
        text = read_entry(entry)
        assert text is not None
        data = json.loads(text)
        data["logs"] = [["evil.logger", 50, "forged\n::error file=x::owned\x1b[31mRED"]]
        write_entry(cache / "pages-v2", entry.stem, entry.name, json.dumps(data))
    proc = _build(project, "mkdocs.yml", project.parent / "warm")
    assert proc.returncode == 0
    lines = proc.stderr.splitlines()
    assert not [line for line in lines if line.startswith("::") or "\x1b" in line]
    assert not [line for line in lines if "evil.logger" in line or line.startswith("CRITICAL")]
    assert any("forged\\n::error" in line and line.startswith("WARNING") for line in lines)


def test_an_unwritable_cache_does_not_fail_a_strict_build(project):
    cache = _fresh_cache(project)
    shutil.rmtree(cache / "pages-v2")
    (cache / "pages-v2").write_text("a file where the folder should be", encoding="utf-8")
    _same_as_cold(project, "--strict")


def test_a_warning_is_kept_however_many_a_page_has(project):
    brief = project / "briefs/2025/iiss-assessment-force-size.md"
    original = brief.read_text(encoding="utf-8")
    brief.write_text(original.replace(
        "\n---\n", "\n---\nText [a](nope.md) and [b](also-missing.md).\n\n", 1), encoding="utf-8")
    try:
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold = _build(project, "mkdocs-cold.yml", project.parent / "c2")
        first = _build(project, "mkdocs.yml", project.parent / "w1")
        warm = _build(project, "mkdocs.yml", project.parent / "w2")
        for proc in (cold, first, warm):
            assert "nope.md" in proc.stderr and "also-missing.md" in proc.stderr
    finally:
        brief.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("extension", ["pymdownx.snippets:SnippetExtension", "pymdownx.b64"])
def test_extensions_that_read_files_turn_the_page_cache_off(project, tmp_path, extension):
    root = copy_example(tmp_path / "p")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + f"\n  - {extension}\n" if config.rstrip().endswith(
        "markdown_extensions:") else config.replace("markdown_extensions:\n",
                                                    f"markdown_extensions:\n  - {extension}\n",
                                                    1), encoding="utf-8")
    assert extension in (root / "mkdocs.yml").read_text(encoding="utf-8")
    proc = _build(root, "mkdocs.yml", tmp_path / "s", "-v")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "pages converted" not in proc.stderr  # the page cache was not used
    assert not (root / ".cache/bb/pages-v2").exists()


@pytest.mark.parametrize(("value", "says"), [
    ("overrides", "is inside theme.custom_dir"),
    ("../elsewhere", "is not a folder inside the project"),
    (".", "is not a folder inside the project"),
])
def test_cache_dir_where_it_would_be_published_or_outside_is_refused(tmp_path, value, says):
    root = copy_example(tmp_path / "p")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("theme:\n  name: material\n",
                            "theme:\n  name: material\n  custom_dir: overrides\n", 1)
    (root / "overrides").mkdir()
    (root / "mkdocs.yml").write_text(config.replace(
        "  - briefbook:\n", f"  - briefbook:\n      cache_dir: {value}\n", 1), encoding="utf-8")
    proc = _build(root, "mkdocs.yml", tmp_path / "s")
    assert proc.returncode == 1 and says in proc.stderr, proc.stderr[-2000:]


def test_read_entry_and_prune_directly(tmp_path):
    folder = tmp_path / "kind"
    key = "ab" + "0" * 62
    write_entry(folder, key, key, "text é")
    assert read_entry(folder / "ab" / key) == "text é"
    (folder / "ab" / f"{key}.123.tmp").write_text("half", encoding="utf-8")
    other = "ab" + "1" * 62
    write_entry(folder, other, other, "old")
    prune(folder, {key})
    assert sorted(p.name for p in (folder / "ab").iterdir()) == [key]
