"""Worker processes (``workers``, ``mkdocs/workers.py``): a build on several processes writes
exactly the site, and logs exactly the messages, of a build in one.

Every comparison is against a cold build in one process, from a fresh interpreter, file for
file (search index and sitemap included). Each parallel build must also say that its workers
prepared pages, so a pool that never started cannot pass.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import BUILD_ENV, ROOT, copy_example, site_differences, subprocess_build

PREPARED = re.compile(r"briefbook: (\d+) pages produced by workers, (\d+) of them converted there")
RENDERED = re.compile(r"briefbook: (\d+) pages rendered by workers, (\d+) of them used")
BRIEF = "briefs/2025/iiss-assessment-force-size.md"
TIMING = re.compile(r"Documentation built in [\d.]+ seconds")


def _with_workers(config: str, workers: int) -> str:
    changed = re.sub(r"^  - briefbook:?\n", f"  - briefbook:\n      workers: {workers}\n",
                     config, count=1, flags=re.M)
    assert f"workers: {workers}" in changed
    return changed


def _messages(proc: subprocess.CompletedProcess[str]) -> list[str]:
    """What a build printed at INFO and above, without its timing and site folder."""
    return [TIMING.sub("", line) for line in proc.stderr.splitlines()
            if not line.startswith(("DEBUG", "INFO    -  Building documentation to"))
            and "but this machine has" not in line]  # more workers than cores (see below)


def _compare(project: Path, workers: int, tmp: Path) -> tuple[int, int]:
    """Build one-process and with ``workers``; both must agree. The workers' page counts."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs-workers.yml").write_text(_with_workers(config, workers), encoding="utf-8")
    one = subprocess_build(project, "mkdocs.yml", tmp / "one")
    many = subprocess_build(project, "mkdocs-workers.yml", tmp / "many", "-v")
    assert one.returncode == 0 and many.returncode == 0, many.stderr[-3000:]
    assert "Traceback" not in many.stderr
    assert site_differences(tmp / "many", tmp / "one") == []
    assert _messages(many) == _messages(one)
    counts, rendered = PREPARED.search(many.stderr), RENDERED.search(many.stderr)
    assert counts and rendered, many.stderr[-2000:]
    assert int(rendered.group(1)) >= 10 and rendered.group(1) == rendered.group(2)
    return int(counts.group(1)), int(counts.group(2))


def test_the_example_built_on_three_processes_is_the_one_process_site(tmp_path):
    project = copy_example(tmp_path / "project")
    # a broken link, so that the warnings a worker meets must come out as in one process
    brief = project / BRIEF
    brief.write_text(brief.read_text(encoding="utf-8").replace(
        "\n---\n", "\n---\nSee [a missing page](../missing.md).\n\n", 1), encoding="utf-8")
    produced, converted = _compare(project, 3, tmp_path)
    assert produced >= 10 and converted == produced


def test_the_exercise_built_on_two_processes_is_the_one_process_site(tmp_path):
    project = tmp_path / "exercise"
    shutil.copytree(ROOT / "examples/exercise", project)
    produced, converted = _compare(project, 2, tmp_path)
    assert produced >= 10 and converted == produced


def test_a_page_another_plugin_rewrites_is_converted_where_the_rewrite_is_made(tmp_path):
    """A hook changes the Markdown of every page: workers cannot know it, so their
    conversions are not used (a different key), and the rewrite reaches the site."""
    project = copy_example(tmp_path / "project")
    (project / "rewrite.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    return markdown + '\\n\\nRewritten by a hook.\\n'\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + "\nhooks:\n  - rewrite.py\n", encoding="utf-8")
    produced, converted = _compare(project, 2, tmp_path)
    assert produced >= 10 and converted == 0  # all converted again in the main process
    page = tmp_path / "many/briefs/iiss-assessment-force-size/index.html"
    assert "Rewritten by a hook." in page.read_text(encoding="utf-8")


def test_a_larger_dossier_with_the_cache_is_the_one_process_site_after_an_edit(tmp_path):
    """A generated dossier of 150 briefs, so that the workers take many blocks; then one edit,
    built again with ``cache_dir`` and workers, against a cold one-process build."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import bench
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    project = tmp_path / "bench"
    project.mkdir()
    bench.generate(project, 150, 30, seed=3)
    bench.write_briefbook(project)
    produced, _ = _compare(project, 2, tmp_path)
    assert produced >= 60
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    cached = _with_workers(config, 2).replace(
        "      workers: 2\n", "      workers: 2\n      cache_dir: .cache/bb\n")
    (project / "mkdocs-cached.yml").write_text(cached, encoding="utf-8")
    assert subprocess_build(project, "mkdocs-cached.yml", tmp_path / "cached").returncode == 0
    brief = sorted((project / "briefs").glob("20*/brief-*.md"))[3]
    brief.write_text(brief.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    again = subprocess_build(project, "mkdocs-cached.yml", tmp_path / "cached", "-v")
    cold = subprocess_build(project, "mkdocs.yml", tmp_path / "cold")
    assert again.returncode == 0 and cold.returncode == 0
    assert site_differences(tmp_path / "cached", tmp_path / "cold") == []
    reused = re.search(r"briefbook: \d+ pages converted, (\d+) from the page cache", again.stderr)
    assert reused and int(reused.group(1)) >= 100, again.stderr[-2000:]


def test_a_template_that_fails_in_a_worker_is_reported_as_in_one_process(tmp_path):
    project = copy_example(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in config
    config = config.replace("theme:\n  name: material\n",
                            "theme:\n  name: material\n  custom_dir: overrides\n", 1)
    assert "custom_dir: overrides" in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "overrides/briefbook").mkdir(parents=True)
    (project / "overrides/briefbook/actor_header.html").write_text(
        "<header>\n<h1>{{ actor.name }}</h1>\n{{ actor.nickname }}\n</header>\n",
        encoding="utf-8")
    (project / "mkdocs-workers.yml").write_text(_with_workers(config, 3), encoding="utf-8")
    one = subprocess_build(project, "mkdocs.yml", tmp_path / "one")
    many = subprocess_build(project, "mkdocs-workers.yml", tmp_path / "many")
    assert one.returncode == many.returncode == 1
    assert "Traceback" not in many.stderr + many.stdout
    problem = ("overrides/briefbook/actor_header.html:3: error: template "
               "briefbook/actor_header.html cannot be rendered")
    assert problem in one.stderr and problem in many.stderr
    assert _messages(many) == _messages(one)


@pytest.mark.parametrize("value", ["0", "yes", "two"])
def test_workers_must_be_a_whole_number_of_one_or_more(tmp_path, value):
    project = copy_example(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        _with_workers(config, 2).replace("workers: 2", f"workers: {value}"), encoding="utf-8")
    proc = subprocess_build(project, "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "workers" in proc.stderr


POOL_SCRIPT = """
import sys, time
from briefbook.mkdocs.workers import PagePool
pool = PagePool("test")
def job(src):
    time.sleep(0.02)
    return src
assert pool.start(3, [f"page-{i}" for i in range(400)], job)
print(" ".join(str(p.pid) for p in pool._running.processes), flush=True)
time.sleep(120)
"""


def _running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_workers_stop_when_the_build_is_stopped_from_outside(how):
    """An IDE's stop button sends SIGTERM, the out-of-memory killer SIGKILL: the workers of a
    build stopped so must not live on."""
    import signal

    proc = subprocess.Popen([sys.executable, "-c", POOL_SCRIPT], stdout=subprocess.PIPE,
                            text=True, env=BUILD_ENV)
    try:
        assert proc.stdout is not None
        workers = [int(pid) for pid in proc.stdout.readline().split()]
        assert len(workers) == 2 and all(_running(pid) for pid in workers)
        proc.send_signal(getattr(signal, how))
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _running(pid)]
    finally:
        proc.kill()


def test_more_workers_than_cores_use_the_cores_and_say_so(tmp_path):
    project = copy_example(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(_with_workers(config, 512), encoding="utf-8")
    proc = subprocess_build(project, "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-2000:]
    cores = os.cpu_count() or 1
    assert (f"briefbook: 'workers' is 512 but this machine has {cores} cores; {cores} "
            "processes are used") in proc.stderr


@pytest.mark.parametrize(("plugin", "option", "says"), [
    ("briefbook", "worker: 2", "briefbook: 'worker' is not an option of this plugin (did you "
     "mean 'workers'?); correct it in mkdocs.yml"),
    ("briefbook/actors", "workers: 2", "briefbook/actors: 'workers' is an option of the "
     "'briefbook' plugin, not of this one; move it there in mkdocs.yml"),
])
def test_an_option_misspelt_or_under_the_wrong_plugin_is_named_with_what_to_do(
        tmp_path, plugin, option, says):
    project = copy_example(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    changed = re.sub(rf"^  - {re.escape(plugin)}:?\n", f"  - {plugin}:\n      {option}\n",
                     config, count=1, flags=re.M)
    assert changed != config
    (project / "mkdocs.yml").write_text(changed, encoding="utf-8")
    proc = subprocess_build(project, "mkdocs.yml", tmp_path / "site")
    assert says in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
