"""Measure ``briefbook ingest`` on real article pages that nobody here wrote.

The pages are those of newspaper4k's test suite: its 0.9.6 source distribution, downloaded from
the package index with pip and checked against a known sha256, ships article pages under
``tests/data/html`` with the expected title, authors and date under ``tests/data/metadata`` and
the expected article text under ``tests/data/txt``. Each page is ingested as
``briefbook ingest PAGE --url ADDRESS`` would (the address its metadata gives), and the script
reports per page and in total:

- title right: the title equals the expected one, or one contains the other and the shorter
  has at least 60 % of the longer's characters (a site name added or left off);
- date right: the day equals the expected one's (of the pages whose metadata states one);
- authors found: at least one expected author is among those found, by the same name or the
  same first and last word (of pages whose metadata names one);
- text kept: the share of the expected text's words that are in the brief;
- words added: the share of the brief text's words (its title aside, which the expected
  text leaves out) that the expected text does not have;
- seconds: for reading the page, extracting the article and annotating it (after a warm-up
  page: imports and language profiles load once per command).

Run it with ``python scripts/ingest_eval.py`` (``--markdown`` prints the table as Markdown,
as in docs/ingest.md; ``--cache DIR`` keeps the download). Words are ``\\w+`` runs; in scripts
written without spaces (Chinese, Japanese, Thai …) each character counts as a word.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SDIST = "newspaper4k==0.9.6"
SDIST_FILE = "newspaper4k-0.9.6.tar.gz"
SHA256 = "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e"
DATA = "newspaper4k-0.9.6/tests/data/"
TARGETS = {"title": 0.90, "date": 0.85, "kept": 0.90, "added": 0.10, "seconds": 2.0}

_WORD_RE = re.compile(r"\w+")
_LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")
_MARKUP_RE = re.compile(r"[#*_>`|\[\]\\-]+")


def download(cache: Path) -> Path:
    """The checked source distribution in ``cache`` (downloaded with pip when missing)."""
    archive = cache / SDIST_FILE
    if not archive.is_file():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "--quiet", SDIST, "-d", str(cache)],
            check=True,
        )
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{archive}: sha256 is {digest}, expected {SHA256}; not using it")
    return archive


def read_data(archive: Path) -> dict[str, dict[str, str]]:
    """``{"html"|"metadata"|"txt": {page name: text}}`` from the archive."""
    data: dict[str, dict[str, str]] = {"html": {}, "metadata": {}, "txt": {}}
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not member.isfile() or not member.name.startswith(DATA):
                continue
            kind, _, name = member.name[len(DATA):].partition("/")
            if kind not in data or "/" in name:
                continue
            handle = tar.extractfile(member)
            if handle is not None:
                data[kind][name.rsplit(".", 1)[0]] = handle.read().decode("utf-8", "replace")
    return data


def words(text: str) -> list[str]:
    """Words for comparing texts: ``\\w+`` runs, each character of unspaced scripts alone."""
    found: list[str] = []
    for word in _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold()):
        if any(_unspaced(ch) for ch in word):
            found.extend(word)
        else:
            found.append(word)
    return found


def _unspaced(ch: str) -> bool:
    code = ord(ch)
    return (0x0E00 <= code <= 0x0EFF or 0x1000 <= code <= 0x109F or 0x3040 <= code <= 0x30FF
            or 0x3400 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF)


def plain(markdown: str) -> str:
    return _MARKUP_RE.sub(" ", _LINK_TARGET_RE.sub("]", markdown))


def same_person(a: str, b: str) -> bool:
    """The same name, or the same first and last word (``Amanda "Tania Mae" Tan``)."""
    x, y = words(a), words(b)
    return x == y or (len(x) >= 2 and len(y) >= 2 and (x[0], x[-1]) == (y[0], y[-1]))


def title_right(found: str, expected: str) -> bool:
    a, b = " ".join(words(found)), " ".join(words(expected))
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= 0.6 * len(long)


@dataclass
class PageResult:
    name: str
    seconds: float
    title: bool | None = None
    date: bool | None = None
    authors: bool | None = None
    kept: float | None = None
    added: float | None = None
    found_date: str = ""
    expected_date: str = ""
    error: str = ""


def evaluate(name: str, html: str, meta: dict[str, object] | None, expected_text: str | None
             ) -> PageResult:
    from briefbook.authoring.ingest.article import InputFormat, annotate, read_article
    from briefbook.authoring.ingest.limits import InputRefused

    url = str((meta or {}).get("url") or "")
    start = time.perf_counter()
    try:
        article = annotate(read_article(html, InputFormat.HTML, url=url), [])
    except InputRefused as exc:
        return PageResult(name, time.perf_counter() - start, error=str(exc))
    result = PageResult(name, time.perf_counter() - start, found_date=article.date)
    if meta is not None:
        result.title = title_right(article.title, str(meta.get("title") or ""))
        expected_date = str(meta.get("publish_date") or "")[:10]
        if expected_date:
            result.expected_date = expected_date
            result.date = article.date == expected_date
        listed = meta.get("authors")
        expected_authors = [a for a in listed if isinstance(a, str)] if isinstance(
            listed, list) else []
        if expected_authors:
            result.authors = any(same_person(a, b) for a in expected_authors
                                 for b in article.authors)
    if expected_text is not None:
        expected = Counter(words(expected_text))
        brief = Counter(words(plain(article.body)))  # the title is not in the expected text
        common = sum((expected & brief).values())
        result.kept = common / max(1, sum(expected.values()))
        result.added = (sum(brief.values()) - common) / max(1, sum(brief.values()))
    return result


def _share(values: list[bool]) -> str:
    return f"{sum(values)}/{len(values)} ({100 * sum(values) / len(values):.0f} %)" if values \
        else "–"


def _mark(value: bool | None) -> str:
    return "–" if value is None else ("yes" if value else "**no**")


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def table(results: list[PageResult]) -> list[str]:
    rows = ["| page | title | date (found / expected) | authors | text kept | words added | s |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        date = _mark(r.date)
        if r.date is not None or r.found_date:
            date += f" ({r.found_date or 'none'} / {r.expected_date or 'none'})"
        rows.append(f"| {r.name} | {_mark(r.title)} | {date} | {_mark(r.authors)} | "
                    f"{_percent(r.kept)} | {_percent(r.added)} | {r.seconds:.2f} |"
                    + (f" refused: {r.error}" if r.error else ""))
    kept = [r.kept for r in results if r.kept is not None]
    added = [r.added for r in results if r.added is not None]
    titles = [r.title for r in results if r.title is not None]
    rows.append(
        f"| **all {len(results)} pages** | {_share(titles)}"
        f" | {_share([r.date for r in results if r.date is not None])}"
        f" | {_share([r.authors for r in results if r.authors is not None])}"
        f" | {100 * sum(kept) / max(1, len(kept)):.0f} % (mean), lowest {100 * min(kept):.0f} %"
        f" | {100 * sum(added) / max(1, len(added)):.0f} % (mean), highest {100 * max(added):.0f} %"
        f" | max {max(r.seconds for r in results):.2f} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cache", type=Path, help="folder to keep the download in")
    parser.add_argument("--markdown", action="store_true", help="print only the Markdown table")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        cache = args.cache or Path(scratch)
        cache.mkdir(parents=True, exist_ok=True)
        data = read_data(download(cache))
    # imports and the language profiles load once per command: not counted against a page
    evaluate("warm-up", "<html><body><article><p>" + "A short warm-up text. " * 20
             + "</p></article></body></html>", None, None)
    results = []
    for name in sorted(data["html"]):
        meta_text = data["metadata"].get(name)
        meta = json.loads(meta_text) if meta_text else None
        text = data["txt"].get(name)
        if meta is None and text is None:
            continue  # a site's home page or a feed: no article to compare with
        results.append(evaluate(name, data["html"][name], meta, text))
    rows = table(results)
    if not args.markdown:
        print(f"briefbook ingest on the {len(results)} article pages of {SDIST} "
              f"(sha256 {SHA256[:12]}…)\n")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
