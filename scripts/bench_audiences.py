#!/usr/bin/env python3
"""What audiences cost: the benchmark dossier built as it is (no audiences), then with a third
of its briefs and some positions marked for two higher audiences, built for the most restricted
audience (everything kept) and for the most open one; plus the checks and the restriction
alone, timed in-process on the loaded dossier.

    python scripts/bench_audiences.py                      # 10,000 briefs, 1,000 actors
    python scripts/bench_audiences.py --sizes 1000:200     # a quicker look

The dossier is ``scripts/bench.py``'s (the same for a given ``--seed``). Marks: a brief in six
is ``internal`` and one in six ``partners`` (never one that first raises a question, whose text
the public entries would lack), and the first position of another brief in six ``partners``.
CPU time of each build, the least of ``--repeat``, in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # the benchmark's generator and runners

from briefbook.model.audience import Audiences
from briefbook.pipeline import load_dossier
from briefbook.validate.audiences import check_audiences, restrict

LEVELS = ("public", "partners", "internal")
BRIEF_NUMBER = re.compile(r"brief-(\d+)\.md$")


def mark(dossier: Path) -> dict[str, int]:
    """Add the audience marks to the generated briefs; how many of each were written."""
    counts = {"internal briefs": 0, "partners briefs": 0, "partners positions": 0}
    for path in sorted(dossier.rglob("brief-*.md")):
        match = BRIEF_NUMBER.search(path.name)
        if match is None:
            continue
        number = int(match.group(1))
        text = path.read_text(encoding="utf-8")
        if number % 6 in (1, 2):
            audience = "internal" if number % 6 == 1 else "partners"
            text = text.replace("\ndate: ", f"\naudience: {audience}\ndate: ", 1)
            counts[f"{audience} briefs"] += 1
        elif number % 6 == 4:
            text = re.sub(r"(\npositions:\n  - actor: [^\n]+\n(?:    [^\n]+\n)*?"
                          r"    summary: [^\n]+\n)", r"\1    audience: partners\n", text, count=1)
            counts["partners positions"] += 1
        path.write_text(text, encoding="utf-8")
    return counts


def write_config(project: Path, audience: str | None) -> None:
    bench.write_briefbook(project)
    if audience is None:
        return
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - briefbook\n", "  - briefbook:\n      audiences: [public, partners, "
                        f"internal]\n      audience: {audience}\n", 1)
    config.write_text(text, encoding="utf-8")


def time_in_process(dossier: Path, repeat: int) -> dict[str, float]:
    """Seconds (the least of ``repeat``) of the checks and of each restriction, on the loaded
    dossier: what audiences add to loading."""
    result = load_dossier(dossier, dossier.parent, audiences=Audiences(LEVELS))
    errors = result.diagnostics.errors
    if errors:
        raise SystemExit("the marked dossier has errors:\n" + "\n".join(
            d.format() for d in errors[:10]))
    audiences = Audiences(LEVELS)
    timings: dict[str, float] = {}
    runs = {"checks": lambda: check_audiences(result.dossier, audiences)}
    for level in LEVELS:
        runs[f"restrict to {level}"] = lambda level=level: restrict(
            result.dossier, audiences, level)
    for label, run in runs.items():
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
        timings[label] = best
    start = time.perf_counter()
    load_dossier(dossier, dossier.parent)
    timings["whole load, for comparison"] = time.perf_counter() - start
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000:1000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    n_briefs, n_actors = (int(x) for x in args.sizes.split(":"))
    with tempfile.TemporaryDirectory(prefix="bb-audiences-") as tmp:
        project = Path(tmp) / "project"
        bench.generate(project, n_briefs, n_actors, args.seed)
        print(f"{n_briefs} briefs, {n_actors} actors")
        print("| build | briefs on the site | build (CPU) | added | output |")
        print("|---|---|---|---|---|")
        base = None
        rows: list[tuple[str, str | None]] = [("no audiences (unmarked)", None)]
        rows += [("marked, for internal (all kept)", "internal"),
                 ("marked, for public", "public")]
        for label, audience in rows:
            if audience is not None and base is not None and not (project / ".marked").exists():
                counts = mark(project / "briefs")
                (project / ".marked").write_text("", encoding="utf-8")
            write_config(project, audience)
            site = Path(tmp) / f"site-{audience or 'none'}"
            cpu = min(bench.run_build(project, site)["cpu"] for _ in range(args.repeat))
            stats = bench.site_stats(site)
            shown = len(json.loads((site / "dossier.json").read_text("utf-8"))["briefs"])
            base = base or cpu
            print(f"| {label} | {shown:,} | {cpu:.1f} s | {(cpu - base) / base * 100:+.1f} % | "
                  f"{stats['bytes'] / 1e6:.0f} MB |", flush=True)
            bench.shutil.rmtree(site)
        print("\nmarks: " + ", ".join(f"{count:,} {what}" for what, count in counts.items()))
        print("\n| in-process, on the loaded dossier | seconds |\n|---|---|")
        for label, seconds in time_in_process(project / "briefs", 3).items():
            print(f"| {label} | {seconds:.3f} |")


if __name__ == "__main__":
    main()
