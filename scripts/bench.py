#!/usr/bin/env python3
"""Benchmark Briefbook against a plain Material build of the same brief pages.

For each size it generates a synthetic dossier (deterministic from ``--seed``): N briefs of
about 600 words naming actors through their aliases in English and French, with positions,
events and questions, and A actors. It then builds, alternating and repeated,

  (a) a plain Material site whose pages are the same brief Markdown files (the baseline:
      what MkDocs costs anyway; kept out of the navigation, as Briefbook keeps briefs), and
  (b) the Briefbook site of the dossier with every Briefbook plugin that is installed, in one
      process, and
  (c) the same with ``workers: 2`` (worker processes; their CPU time is counted),

and reports wall and CPU time, peak memory, page count, output size, the largest HTML page,
the ratio b/a, the time of ``briefbook check``, the rebuild after editing one brief during
serve (wall and CPU, one process and two), a build after one edit with ``cache_dir`` against a
cold build (CPU and wall, one process and two), and the median weight of a brief page against
the same brief's plain page.

    python scripts/bench.py                         # 1,000/200 and 10,000/1,000
    python scripts/bench.py --sizes 300:60 --repeat 1   # a quick look
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

STANCES = ["supports", "opposes", "conditional", "neutral", "undecided"]
KINDS = ["state", "organisation", "person", "group"]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "tes",
    "vor",
    "an",
    "del",
    "os",
    "bri",
    "tan",
    "ul",
    "sen",
    "mar",
    "qui",
    "zo",
    "ne",
    "pha",
    "gor",
    "lin",
]
WORDS = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "on",
    "for",
    "with",
    "that",
    "as",
    "by",
    "from",
    "at",
    "is",
    "was",
    "will",
    "would",
    "could",
    "said",
    "officials",
    "minister",
    "talks",
    "agreement",
    "force",
    "security",
    "mission",
    "support",
    "plan",
    "proposal",
    "coalition",
    "command",
    "control",
    "deployment",
    "ceasefire",
    "troops",
    "allies",
    "meeting",
    "week",
    "report",
    "according",
    "statement",
    "government",
    "defence",
    "foreign",
    "policy",
    "region",
    "border",
    "peace",
    "negotiations",
    "summit",
    "analysts",
    "capabilities",
    "intelligence",
    "surveillance",
    "reconnaissance",
    "assets",
    "decision",
    "vote",
    "council",
    "members",
    "approval",
    "framework",
    "options",
    "discussion",
    "final",
    "deal",
    "leaders",
    "partners",
    "commitment",
]

PLUGINS_AVAILABLE = {
    "briefbook/actors": "briefbook.mkdocs.actors",
    "briefbook/timeline": "briefbook.mkdocs.timeline",
}


# -- the synthetic dossier ----------------------------------------------------------------------
def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


@dataclass(frozen=True)
class SyntheticActor:
    id: str
    name: str
    alias_fr: str
    kind: str


def generate(root: Path, n_briefs: int, n_actors: int, seed: int) -> None:
    """Write a dossier of ``n_briefs`` briefs and ``n_actors`` actors under ``root/briefs``."""
    rng = random.Random(seed)
    briefs_dir = root / "briefs"
    (briefs_dir / "actors").mkdir(parents=True)
    (briefs_dir / "topics").mkdir()
    actors: list[SyntheticActor] = []
    used: set[str] = set()
    for i in range(n_actors):
        while True:
            base = f"{_name(rng, 2)} {_name(rng, 3)}"
            if base.lower() not in used:
                used.add(base.lower())
                break
        actors.append(SyntheticActor(f"actor-{i:04d}", base, f"{base} ({i})", KINDS[i % 4]))
    for i, actor in enumerate(actors):
        acronym = actor.name.upper()[:3] + str(i)
        affiliations = [actors[(i * 7 + 3) % n_actors].id] if i % 5 == 0 and n_actors > 1 else []
        affiliations = [a for a in affiliations if a != actor.id]
        (briefs_dir / "actors" / f"{actor.id}.md").write_text(
            "---\n"
            f"name: {json.dumps(actor.name)}\n"
            f"kind: {actor.kind}\n"
            f"aliases: [{json.dumps('Le ' + actor.name)}, {json.dumps(acronym)}]\n"
            f"role: Synthetic actor number {i}\n"
            f"affiliations: {json.dumps(affiliations)}\n"
            "---\n"
            f"{actor.name} is a synthetic actor used to measure Briefbook at scale.\n",
            encoding="utf-8",
        )
    n_topics = max(5, n_actors // 20)
    for t in range(n_topics):
        (briefs_dir / "topics" / f"topic-{t:03d}.md").write_text(
            f"---\ntitle: Topic {t}\nsummary: Synthetic topic {t}.\n---\nAbout topic {t}.\n",
            encoding="utf-8",
        )
    # Popular actors appear far more often, as in a real dossier (a Zipf-like draw).
    weights = [1.0 / (rank + 1) for rank in range(n_actors)]
    for b in range(n_briefs):
        # Dates grow with b (over about ten years), so a question is raised in its first brief.
        day = _dt.date(2015, 1, 1) + _dt.timedelta(days=b * 3650 // max(n_briefs, 1))
        year, date = day.year, day.isoformat()
        involved = list(dict.fromkeys(rng.choices(actors, weights=weights, k=5)))
        topics = [f"topic-{rng.randrange(n_topics):03d}" for _ in range(2)]
        topics = list(dict.fromkeys(topics))
        lines = [
            "---",
            f'title: "Synthetic brief {b}: {involved[0].name} and {topics[0]}"',
            f'date: "{date}"',
            f'summary: "What {involved[0].name} said about topic {topics[0][-3:]}."',
            "source:",
            '  publisher: "Synthetic Press"',
            f'  url: "https://example.org/{b}"',
            f'  language: "{"fr" if b % 4 == 0 else "en"}"',
            f"actors: [{', '.join(a.id for a in involved)}]",
            f"topics: [{', '.join(topics)}]",
            f"tags: [tag-{b % 30}]",
            "positions:",
        ]
        for actor in involved[:2]:
            lines += [
                f"  - actor: {actor.id}",
                f"    topic: {topics[0]}",
                f"    stance: {rng.choice(STANCES)}",
                f'    summary: "{actor.name} takes a synthetic position."',
            ]
        lines.append("events:")
        for e in range(2):
            lines += [
                f'  - date: "{date[:7] if e else date}"',
                f'    title: "Synthetic event {b}.{e}"',
                f"    actors: [{involved[e % len(involved)].id}]",
            ]
        lines += [
            "questions:",
            f"  - id: question-{b // 3:05d}",
            *([f'    text: "Will synthetic question {b // 3} be answered?"'] if b % 3 == 0 else []),
            f"    status: {'answered' if b % 3 == 2 else 'open'}",
            *([f'    answer: "Yes, in brief {b}."'] if b % 3 == 2 else []),
            "---",
        ]
        body = []
        for paragraph in range(6):
            body.append(f"## Section {paragraph + 1}\n")
            sentences = []
            for _ in range(5):
                words = rng.choices(WORDS, k=18)
                actor = rng.choice(involved)
                words.insert(
                    rng.randrange(len(words)),
                    rng.choice([actor.name, "Le " + actor.name, actor.name]),
                )
                sentences.append(" ".join(words).capitalize() + ".")
            body.append(" ".join(sentences) + "\n")
        # Questions are raised in the earliest of their briefs: dates grow with b.
        (briefs_dir / f"{year}").mkdir(exist_ok=True)
        (briefs_dir / f"{year}" / f"brief-{b:05d}.md").write_text(
            "\n".join(lines) + "\n" + "\n".join(body), encoding="utf-8"
        )


def write_baseline(root: Path, dossier: Path) -> None:
    """A plain Material project whose pages are the same brief Markdown files."""
    docs = root / "docs"
    (docs / "briefs").mkdir(parents=True)
    (docs / "index.md").write_text("# Baseline\n", encoding="utf-8")
    for path in sorted((dossier / "briefs").rglob("*.md")):
        if path.parent.name in ("actors", "topics"):
            continue
        shutil.copy(path, docs / "briefs" / path.name)
    (root / "mkdocs.yml").write_text(
        textwrap.dedent("""\
        site_name: Baseline
        theme: {name: material, font: false}
        plugins: [search]
        not_in_nav: /briefs/
        nav: [index.md]
        markdown_extensions: [admonition, attr_list, {toc: {permalink: true}}]
    """),
        encoding="utf-8",
    )


def write_briefbook(root: Path) -> list[str]:
    """The Briefbook project's mkdocs.yml, with every Briefbook plugin that is installed."""
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Dossier\n", encoding="utf-8")
    plugins = ["search", "briefbook"]
    for name, module in PLUGINS_AVAILABLE.items():
        try:
            __import__(module)
        except ImportError:
            continue
        plugins.append(name)
    listing = "\n".join(f"  - {p}" for p in plugins)
    (root / "mkdocs.yml").write_text(
        "site_name: Dossier\ntheme: {name: material, font: false}\n"
        f"plugins:\n{listing}\n"
        "markdown_extensions: [admonition, attr_list, {toc: {permalink: true}}]\n",
        encoding="utf-8",
    )
    return plugins


# -- measuring --------------------------------------------------------------------------------
_RUNNER = """
import json, resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes, once joined
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime
                  + workers.ru_utime + workers.ru_stime,
                  "maxrss_kb": usage.ru_maxrss, "workers_maxrss_kb": workers.ru_maxrss}))
"""

_SERVE_RUNNER = """
import json, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, site_dir, brief = sys.argv[1], sys.argv[2], Path(sys.argv[3])
config = load_config(config_file=config_file, site_dir=site_dir)
config.plugins.on_startup(command="serve", dirty=False)
build(config)
brief.write_text(brief.read_text(encoding="utf-8") + "\\nEdited.\\n", encoding="utf-8")
import resource
def cpu_now():
    own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                        resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
start, cpu_start = time.perf_counter(), cpu_now()
config = load_config(config_file=config_file, site_dir=site_dir)
build(config)
wall, cpu = time.perf_counter() - start, cpu_now() - cpu_start
core = next(p for p in config.plugins.values() if type(p).__name__ == "BriefbookPlugin")
print(json.dumps({"rebuild": wall, "rebuild_cpu": cpu, "parsed": core.result.files_parsed,
                  "seen": core.result.files_seen, "converted": core.page_cache.converted,
                  "reused": core.page_cache.reused,
                  "templates_rendered": core.render_cache.pages.misses,
                  "templates_reused": core.render_cache.pages.hits}))
"""


def _run_json(program: str, *arguments: str, what: str) -> dict:
    """Run an inline Python program in a fresh interpreter; its last line of output is JSON."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", program, *arguments],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{what} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def site_stats(site: Path) -> dict:
    pages = list(site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    largest = max(pages, key=lambda p: p.stat().st_size)
    return {
        "pages": len(pages),
        "bytes": total,
        "largest": largest.relative_to(site).as_posix(),
        "largest_bytes": largest.stat().st_size,
    }


def time_check(dossier: Path, *options: str) -> float | None:
    """Seconds ``briefbook check`` takes on the dossier (None when it cannot run)."""
    # the console script installed with this interpreter's Briefbook, not another on PATH
    own = Path(sys.executable).parent / "briefbook"
    exe = str(own) if own.exists() else shutil.which("briefbook")
    if exe is None:
        return None
    start = time.perf_counter()
    proc = subprocess.run(
        [exe, "check", *options, str(dossier / "briefs")], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        return None
    return elapsed


def brief_weight(sites: dict[str, Path]) -> float:
    """The median ratio of a brief page's size in the Briefbook site to the same brief's page
    in the plain site (the pages of both sites are named after the brief's file)."""
    ratios = []
    for plain in sorted((sites["baseline"] / "briefs").glob("*/index.html"))[:500]:
        ours = sites["briefbook"] / "briefs" / plain.parent.name / "index.html"
        if ours.exists():
            ratios.append(ours.stat().st_size / plain.stat().st_size)
    return statistics.median(ratios) if ratios else float("nan")


def with_options(project: Path, name: str, **options: object) -> Path:
    """A copy of the project's mkdocs.yml with options of the ``briefbook`` plugin set."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    lines = "".join(f"      {key}: {value}\n" for key, value in options.items())
    changed = config.replace("  - briefbook\n", "  - briefbook:\n" + lines, 1)
    assert changed != config
    path = project / name
    path.write_text(changed, encoding="utf-8")
    return path


def time_cached_rebuild(project: Path, site: Path, workers: int = 1) -> dict:
    """A build with ``cache_dir`` (filling it), one brief edited, and the build again, each in
    a fresh process: the second is what CI pays when it restores the cache folder."""
    cached = with_options(project, f"mkdocs-cached-{workers}.yml",
                          cache_dir=".cache/briefbook", workers=workers)
    filling = run_build_config(cached, site)
    brief = sorted((project / "briefs").glob("20*/brief-*.md"))[-1]
    brief.write_text(brief.read_text(encoding="utf-8") + "\nEdited again.\n", encoding="utf-8")
    again = run_build_config(cached, site)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    return {"filling": filling, "after_edit": again}


def run_build_config(config: Path, site: Path) -> dict:
    return _run_json(_RUNNER, str(config), str(site), what=f"build of {config}")


def time_serve_rebuild(project: Path, site: Path, workers: int = 1) -> dict:
    brief = next((project / "briefs").glob("20*/brief-*.md"))
    config = with_options(project, f"mkdocs-serve-{workers}.yml", workers=workers)
    return _run_json(_SERVE_RUNNER, str(config), str(site), str(brief), what="serve rebuild")


def bench_size(n_briefs: int, n_actors: int, repeat: int, seed: int, work: Path) -> dict:
    root = work / f"{n_briefs}-{n_actors}"
    dossier = root / "briefbook"
    baseline = root / "baseline"
    dossier.mkdir(parents=True)
    baseline.mkdir()
    t0 = time.perf_counter()
    generate(dossier, n_briefs, n_actors, seed)
    write_baseline(baseline, dossier)
    plugins = write_briefbook(dossier)
    print(
        f"  generated in {time.perf_counter() - t0:.1f} s; plugins: {', '.join(plugins)}",
        flush=True,
    )
    runs: dict[str, list[dict]] = {"baseline": [], "briefbook": [], "workers": []}
    configs = {"baseline": baseline / "mkdocs.yml", "briefbook": dossier / "mkdocs.yml",
               "workers": with_options(dossier, "mkdocs-workers.yml", workers=2)}
    for i in range(repeat):
        for kind, config in configs.items():
            result = run_build_config(config, root / f"site-{kind}")
            runs[kind].append(result)
            print(
                f"  run {i + 1} {kind:9s} {result['wall']:7.1f} s wall "
                f"{result['cpu']:7.1f} s CPU {result['maxrss_kb'] / 1024:7.0f} MB",
                flush=True,
            )
    stats = {k: site_stats(root / f"site-{k}") for k in runs}
    check = time_check(dossier)
    check_no_notes = time_check(dossier, "--no-notes")
    serve = time_serve_rebuild(dossier, root / "site-serve")
    serve_workers = time_serve_rebuild(dossier, root / "site-serve", workers=2)
    cached = time_cached_rebuild(dossier, root / "site-cached")
    cached_workers = time_cached_rebuild(dossier, root / "site-cached", workers=2)
    weight = brief_weight({k: root / f"site-{k}" for k in runs})
    for label, one in (("one process", serve), ("two processes", serve_workers)):
        print(f"  serve edit, {label}: {one['rebuild']:.1f} s wall {one['rebuild_cpu']:.1f} s "
              f"CPU ({one['converted']} converted, {one['reused']} from the cache; templates: "
              f"{one['templates_rendered']} rendered, {one['templates_reused']} from the cache)",
              flush=True)
    for label, one in (("one process", cached), ("two processes", cached_workers)):
        print(f"  cached build after an edit, {label}: {one['after_edit']['wall']:.1f} s wall "
              f"{one['after_edit']['cpu']:.1f} s CPU (filling it: {one['filling']['cpu']:.1f} s "
              "CPU)", flush=True)
    print(f"  brief page weight {weight:.2f}", flush=True)
    return {
        "briefs": n_briefs,
        "actors": n_actors,
        "baseline_s": statistics.median(r["wall"] for r in runs["baseline"]),
        "briefbook_s": statistics.median(r["wall"] for r in runs["briefbook"]),
        "baseline_cpu": statistics.median(r["cpu"] for r in runs["baseline"]),
        "briefbook_cpu": statistics.median(r["cpu"] for r in runs["briefbook"]),
        "workers_s": statistics.median(r["wall"] for r in runs["workers"]),
        "workers_cpu": statistics.median(r["cpu"] for r in runs["workers"]),
        "baseline_mb": max(r["maxrss_kb"] for r in runs["baseline"]) / 1024,
        "briefbook_mb": max(r["maxrss_kb"] for r in runs["briefbook"]) / 1024,
        "workers_mb": max(max(r["maxrss_kb"], r["workers_maxrss_kb"])
                          for r in runs["workers"]) / 1024,
        "stats": stats,
        "check_s": check,
        "check_no_notes_s": check_no_notes,
        "serve": serve,
        "serve_workers": serve_workers,
        "cached": cached,
        "cached_workers": cached_workers,
        "brief_weight": weight,
    }


def report(results: list[dict]) -> str:
    head = (
        "| briefs / actors | plain Material (s) | Briefbook (s) | ratio b/a | CPU ratio "
        "| workers: 2 (s) | ratio c/a | CPU ratio c/a "
        "| peak MB (a / b / c) | pages (a / b) | output MB (b) | largest page (b) "
        "| check, --no-notes (s) | serve rebuild (s), files parsed "
        "| serve rebuild CPU (s) | serve rebuild, workers: 2 (s wall / CPU) "
        "| cached build after an edit / cold (CPU) | the same, workers: 2 (wall) "
        "| brief page weight / plain |"
    )
    rows = [head, "|" + "---|" * 19]
    for r in results:
        s = r["stats"]
        check = " / ".join(
            f"{r[key]:.2f}" if r[key] is not None else "n/a"
            for key in ("check_s", "check_no_notes_s")
        )
        rows.append(
            f"| {r['briefs']:,} / {r['actors']:,} | {r['baseline_s']:.1f} | {r['briefbook_s']:.1f} "
            f"| {r['briefbook_s'] / r['baseline_s']:.2f} "
            f"| {r['briefbook_cpu'] / r['baseline_cpu']:.2f} "
            f"| {r['workers_s']:.1f} | {r['workers_s'] / r['baseline_s']:.2f} "
            f"| {r['workers_cpu'] / r['baseline_cpu']:.2f} "
            f"| {r['baseline_mb']:.0f} / {r['briefbook_mb']:.0f} / {r['workers_mb']:.0f} "
            f"| {s['baseline']['pages']:,} / {s['briefbook']['pages']:,} "
            f"| {s['briefbook']['bytes'] / 2**20:.0f} "
            f"| {s['briefbook']['largest']} ({s['briefbook']['largest_bytes'] / 1024:.0f} KB) "
            f"| {check} | {r['serve']['rebuild']:.1f}, {r['serve']['parsed']} of "
            f"{r['serve']['seen']} | {r['serve']['rebuild_cpu']:.1f} "
            f"| {r['serve_workers']['rebuild']:.1f} / {r['serve_workers']['rebuild_cpu']:.1f} "
            f"| {r['cached']['after_edit']['cpu'] / r['briefbook_cpu']:.2f} "
            f"| {r['cached_workers']['after_edit']['wall'] / r['workers_s']:.2f} "
            f"| {r['brief_weight']:.2f} |"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        growth = large["briefbook_s"] / small["briefbook_s"]
        rows.append("")
        rows.append(
            f"Growth of the Briefbook build from {small['briefs']:,} to {large['briefs']:,} "
            f"briefs: {growth:.1f}x (briefs grew {large['briefs'] / small['briefs']:.0f}x)."
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="1000:200,10000:1000",
        help="comma-separated BRIEFS:ACTORS pairs (default: %(default)s)",
    )
    parser.add_argument("--repeat", type=int, default=2, help="builds of each site per size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the generated projects in this folder")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    sizes = [tuple(int(x) for x in pair.split(":")) for pair in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for n_briefs, n_actors in sizes:
            print(f"== {n_briefs:,} briefs, {n_actors:,} actors", flush=True)
            results.append(bench_size(n_briefs, n_actors, args.repeat, args.seed, work))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
