#!/usr/bin/env python3
"""What competing hypotheses and the needs-review page cost: the benchmark dossier built as it
is with the review page off, with it on, and with hypotheses on every question (four each, and
every brief rating its evidence against three of them, with a note) and a ``review_by`` date on
every question; CPU time of the build (the least of ``--repeat`` builds), output size, the
heaviest hypotheses page, and ``briefbook check`` with and without ``--review``.

    python scripts/bench_hypotheses.py                   # 10,000 briefs, 1,000 actors
    python scripts/bench_hypotheses.py --sizes 1000:200  # a quicker look

The dossier is ``scripts/bench.py``'s (the same for a given ``--seed``), with the hypotheses,
ratings and dates written into its question entries; the page is switched with the plugin's
own ``review`` option, and ``review_today`` fixes the day, so each row is a build a site could
make.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # the benchmark's generator and runners

RATINGS = ("consistent", "inconsistent", "neutral")
HYPOTHESES = 4
ENTRY = re.compile(r"^  - id: (question-(\d+))\n", re.M)


def add_hypotheses(briefs: Path) -> int:
    """Write hypotheses into each question's first entry and ratings into every entry; the
    number of ratings written."""
    ratings = 0
    for path in sorted(briefs.glob("[0-9]*/brief-*.md")):
        text = path.read_text(encoding="utf-8")
        match = ENTRY.search(text)
        if match is None:
            continue
        number = int(match.group(2))
        brief = int(path.stem.removeprefix("brief-"))
        lines = []
        if "    text: " in text[match.end():match.end() + 200].split("\n", 1)[0]:
            lines.append('    review_by: "2020-06-30"')
            lines.append("    hypotheses:")
            for h in range(1, HYPOTHESES + 1):
                lines.append(f'      - {{id: h{h}, statement: "Reading {h} of question '
                             f'{number}."}}')
        lines.append("    evidence:")
        for k in range(3):
            h = (brief + k) % HYPOTHESES + 1
            rating = RATINGS[(brief * 7 + k) % 3]
            lines.append(f'      - {{hypothesis: h{h}, rating: {rating}, note: "Brief {brief} '
                         f'on reading {h}."}}')
            ratings += 1
        # the entry's other fields follow its id line: insert after the question's last field
        end = text.index("\n---\n", match.end())
        text = text[:end] + "\n" + "\n".join(lines) + text[end:]
        path.write_text(text, encoding="utf-8")
    return ratings


def write_config(project: Path, review: bool) -> None:
    (project / "mkdocs.yml").write_text(
        "site_name: Dossier\ntheme: {name: material, font: false}\n"
        "plugins:\n  - search\n  - briefbook:\n"
        f"      review: {str(review).lower()}\n"
        '      review_today: "2025-01-01"\n'
        "  - briefbook/actors\n  - briefbook/timeline\n"
        "markdown_extensions: [admonition, attr_list, {toc: {permalink: true}}]\n",
        encoding="utf-8",
    )


def check_seconds(project: Path, *options: str) -> float:
    """Wall seconds of ``briefbook check`` (the least of two runs)."""
    exe = Path(sys.executable).parent / "briefbook"
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        bench.subprocess.run([str(exe), "check", "--no-notes", *options, str(project)],
                             capture_output=True, text=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000:1000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    n_briefs, n_actors = (int(x) for x in args.sizes.split(":"))
    with tempfile.TemporaryDirectory(prefix="bb-hypotheses-") as tmp:
        project = Path(tmp) / "project"
        bench.generate(project, n_briefs, n_actors, args.seed)
        bench.write_briefbook(project)
        print(f"{n_briefs} briefs, {n_actors} actors")
        print("| build | CPU | added | output | pages |")
        print("|---|---|---|---|---|")
        base = None
        rows = [("as generated, review page off", False, False),
                ("as generated, review page on", True, False),
                ("with hypotheses and review_by, review page on", True, True)]
        for label, review, hypotheses in rows:
            if hypotheses:
                written = add_hypotheses(project / "briefs")
                label += f" ({written:,} ratings)"
            write_config(project, review)
            site = Path(tmp) / "site"
            cpu = min(bench.run_build(project, site)["cpu"] for _ in range(args.repeat))
            stats = bench.site_stats(site)
            base = base or cpu
            print(f"| {label} | {cpu:.1f} s | {(cpu - base) / base * 100:+.1f} % | "
                  f"{stats['bytes'] / 1e6:.0f} MB | {stats['pages']:,} |", flush=True)
            if hypotheses:
                pages = [p for p in (site / "questions").glob("question-*/index.html")]
                heaviest = max(pages, key=lambda p: p.stat().st_size)
                review_page = site / "review" / "index.html"
                print(f"\n{len(pages):,} hypotheses pages, the heaviest "
                      f"`{heaviest.relative_to(site).as_posix()}` "
                      f"{heaviest.stat().st_size / 1024:.0f} KB; review page "
                      f"{review_page.stat().st_size / 1024:.0f} KB")
                print(f"`briefbook check --no-notes`: {check_seconds(project):.1f} s; with "
                      f"`--review --today 2025-01-01`: "
                      f"{check_seconds(project, '--review', '--today', '2025-01-01'):.1f} s")
            shutil.rmtree(site)


if __name__ == "__main__":
    main()
