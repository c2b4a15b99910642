#!/usr/bin/env python3
"""What each picture costs: the benchmark dossier built with every picture off, then with one
picture at a time, then with all of them; CPU time of the build (steadier than wall time on a
shared machine; the least of ``--repeat`` builds), output size and the largest page.

    python scripts/bench_pictures.py                       # 10,000 briefs, 1,000 actors
    python scripts/bench_pictures.py --sizes 1000:200      # a quicker look

The dossier is ``scripts/bench.py``'s (the same for a given ``--seed``); the views are switched
with the plugins' own options, so each row is a build a site could make.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # the benchmark's generator and runners

OFF = {
    "briefbook": {"tags_index": "false", "previews": "false", "stances_over_time": "false"},
    "briefbook/actors": {"network": "false", "local_links": "0"},
    "briefbook/timeline": {"picture": "none"},
}
VIEWS = {
    "visual timeline": [("briefbook/timeline", "picture", "actor")],
    "network + local graphs": [("briefbook/actors", "network", "true"),
                               ("briefbook/actors", "local_links", "12")],
    "stances over time": [("briefbook", "stances_over_time", "true")],
    "previews": [("briefbook", "previews", "true")],
    "tags index": [("briefbook", "tags_index", "true")],
}


def write_config(project: Path, options: dict[str, dict[str, str]]) -> None:
    plugins = ["  - search"]
    for name, values in options.items():
        plugins.append(f"  - {name}:")
        plugins += [f"      {key}: {value}" for key, value in values.items()]
    (project / "mkdocs.yml").write_text(
        "site_name: Dossier\ntheme: {name: material, font: false}\n"
        "plugins:\n" + "\n".join(plugins) + "\n"
        "markdown_extensions: [admonition, attr_list, {toc: {permalink: true}}]\n",
        encoding="utf-8",
    )


def print_heaviest(site: Path) -> None:
    """The heaviest page of each kind that carries a picture."""
    kinds = {"network": "network/index.html", "tags": "tags/index.html",
             "timeline page": "timeline/**/*.html", "actor page": "actors/*/index.html",
             "topic page": "topics/*/index.html"}
    print("\n| pages | heaviest |\n|---|---|")
    for kind, pattern in kinds.items():
        pages = list(site.glob(pattern))
        if pages:
            page = max(pages, key=lambda p: p.stat().st_size)
            print(f"| {kind} | `{page.relative_to(site).as_posix()}` "
                  f"{page.stat().st_size / 1024:.0f} KB |")
    previews = list((site / "previews").glob("*.json"))
    if previews:
        print(f"| previews | {len(previews)} files, the largest "
              f"{max(p.stat().st_size for p in previews) / 1024:.0f} KB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000:1000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated rows, e.g. none,all")
    args = parser.parse_args()
    n_briefs, n_actors = (int(x) for x in args.sizes.split(":"))
    with tempfile.TemporaryDirectory(prefix="bb-pictures-") as tmp:
        project = Path(tmp) / "project"
        bench.generate(project, n_briefs, n_actors, args.seed)
        bench.write_briefbook(project)
        runs: list[tuple[str, dict[str, dict[str, str]]]] = [("none", OFF)]
        for view, changes in VIEWS.items():
            options = {name: dict(values) for name, values in OFF.items()}
            for plugin, key, value in changes:
                options[plugin][key] = value
            runs.append((view, options))
        runs.append(("all", {name: {} for name in OFF}))
        if args.only:
            runs = [run for run in runs if run[0] in args.only.split(",")]
        print(f"{n_briefs} briefs, {n_actors} actors")
        print("| pictures | build (CPU) | added | output | largest page |")
        print("|---|---|---|---|---|")
        base = None
        for label, options in runs:
            write_config(project, options)
            site = Path(tmp) / f"site-{len(label)}"
            cpu = min(bench.run_build(project, site)["cpu"] for _ in range(args.repeat))
            stats = bench.site_stats(site)
            base = base or cpu
            added = (cpu - base) / base * 100
            print(f"| {label} | {cpu:.1f} s | {added:+.1f} % | "
                  f"{stats['bytes'] / 1e6:.0f} MB | `{stats['largest']}` "
                  f"{stats['largest_bytes'] / 1024:.0f} KB |", flush=True)
            if label == "all":
                print_heaviest(site)
            bench.shutil.rmtree(site)


if __name__ == "__main__":
    main()
