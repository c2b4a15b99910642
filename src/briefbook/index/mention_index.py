"""Which actors each brief's text names, how often, and where first; computed once per build.

The scan reads a brief body's Markdown source with everything that is not running prose
(fenced code, inline code, headings, HTML tags, link targets, URLs, link reference definitions)
blanked out to spaces, so that offsets still point into the source. Every step is linear in the
length of the text, and the actors are found by one pass of the shared
:class:`~briefbook.mentions.MentionMatcher`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from briefbook.index.mentions import MentionMatcher
from briefbook.model.dossier import Brief, Dossier
from briefbook.model.fences import in_code

EXCERPT_CONTEXT = 90

_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_REFERENCE_DEFINITION = re.compile(r" {0,3}\[[^\]\n]+\]:")
_BACKTICKS = re.compile(r"`+")
# Each alternative stops at a newline or at its own delimiter, so a failed attempt never
# rescans text beyond its line: the whole substitution stays linear.
_NOT_PROSE = re.compile(
    r"<!--[^\n]*?-->"  # HTML comment on one line
    r"|</?[A-Za-z][^<>\n]*>"  # HTML tag (its attributes included)
    r"|\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)"  # link or image target: ](url "title")
    r"|\]\[[^\]\n]*\]"  # reference link label: ][label]
    r"|(?:https?|ftp)://[^\s<>()\[\]]+"  # bare URL
)
_MARKUP = re.compile(r"[*_]{1,3}(?=\w)|(?<=\w)[*_]{1,3}|[\[\]!]|^\s*(?:[-+*>]|\d+\.)\s+", re.M)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """Plain text around a mention, split so that a template can highlight the name."""

    before: str
    name: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.name}{self.after}"


@dataclass(frozen=True, slots=True)
class MentionStat:
    """How often a brief's text names one actor, and where it does first.

    The excerpt is cut only when a page shows it (``briefbook check`` never does): the stat
    keeps the brief's prose, one string shared by all the stats of a brief.
    """

    actor: str
    count: int
    offset: int
    end: int
    text: str = field(repr=False, compare=False)

    @property
    def excerpt(self) -> Excerpt:
        return excerpt(self.text, self.offset, self.end)


def _blank(text: str) -> str:
    """Spaces in place of ``text``, newlines kept, so that offsets and line numbers hold."""
    return "".join("\n" if c == "\n" else " " for c in text)


def _blank_lines(markdown: str) -> str:
    """Blank fenced code blocks, headings (ATX and setext) and link reference definitions."""
    lines = markdown.split("\n")
    out: list[str] = []
    code = in_code(lines)
    underline = False
    for i, line in enumerate(lines):
        if code[i]:
            out.append(" " * len(line))
            continue
        if underline:
            out.append(" " * len(line))  # the underline of the setext heading above
            underline = False
            continue
        underline = bool(
            line.strip() and i + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[i + 1])
        )
        if underline or _ATX_HEADING.match(line) or _REFERENCE_DEFINITION.match(line):
            out.append(" " * len(line))
        else:
            out.append(line)
    return "\n".join(out)


def _blank_code_spans(text: str) -> str:
    """Blank inline code: a run of backticks up to the next run of the same length."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    next_same: list[int] = [-1] * len(runs)
    last_seen: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        next_same[i] = last_seen.get(length, -1)
        last_seen[length] = i
    pieces: list[str] = []
    pos = 0
    i = 0
    while i < len(runs):
        j = next_same[i]
        if j < 0:
            i += 1
            continue
        start, end = runs[i][0], runs[j][1]
        pieces += [text[pos:start], _blank(text[start:end])]
        pos = end
        i = j + 1
    pieces.append(text[pos:])
    return "".join(pieces)


def prose(markdown: str) -> str:
    """``markdown`` with all that is not running prose blanked out, offsets unchanged.

    The regular-expression passes run only on texts that hold what they look for (a backtick;
    a tag, link or URL), which most paragraphs of prose do not.
    """
    text = _blank_lines(markdown)
    if "`" in text:
        text = _blank_code_spans(text)
    if "<" in text or "]" in text or "://" in text:
        text = _NOT_PROSE.sub(lambda m: _blank(m.group(0)), text)
    return text


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


def excerpt(text: str, start: int, end: int, context: int = EXCERPT_CONTEXT) -> Excerpt:
    """Plain text around ``text[start:end]``, cut at word boundaries, Markdown marks removed."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    before, after = text[lo:start], text[end:hi]
    if lo > 0:
        first_space = re.search(r"\s", before)
        before = before[first_space.end() :] if first_space else before
    if hi < len(text):
        last_space = max(after.rfind(" "), after.rfind("\n"))
        after = after[:last_space] if last_space > 0 else after
    before, after = re.sub(r"[*_]+$", "", before), re.sub(r"^[*_]+", "", after)
    before_text, after_text = _plain(before), _plain(after)
    if before[-1:].isspace() and before_text:
        before_text += " "
    if after[:1].isspace() and after_text:
        after_text = " " + after_text
    return Excerpt(
        ("…" if lo > 0 and before_text else "") + before_text,
        text[start:end],
        after_text + ("…" if hi < len(text) and after_text
                      and not after_text.endswith(_SENTENCE_ENDS) else ""),
    )


# an excerpt cut after one of these ends a sentence: an ellipsis there would read ".…"
_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")


def scan_brief(matcher: MentionMatcher, body: str) -> dict[str, MentionStat]:
    """The actors a brief body names, in order of first mention."""
    text = prose(body)
    found = matcher.find(text)
    counts = Counter(m.actor for m in found)
    stats: dict[str, MentionStat] = {}
    for mention in found:
        if mention.actor not in stats:
            stats[mention.actor] = MentionStat(
                mention.actor, counts[mention.actor], mention.start, mention.end, text
            )
    return stats


def build_mentions(
    dossier: Dossier,
    matcher: MentionMatcher,
    cache: dict[str, dict[str, MentionStat]] | None = None,
) -> tuple[dict[str, dict[str, MentionStat]], dict[str, list[Brief]]]:
    """Per brief, the actors its text names; per actor, the briefs naming it, newest first.

    ``cache`` maps a body text to its scan: pass the same dict while the actors' names stay the
    same and an unchanged brief is not scanned again. Entries of bodies gone are dropped.
    """
    by_brief: dict[str, dict[str, MentionStat]] = {}
    briefs_mentioning: dict[str, list[Brief]] = defaultdict(list)
    fresh: dict[str, dict[str, MentionStat]] = {}
    for brief in dossier.briefs.values():
        stats = cache.get(brief.body) if cache is not None else None
        if stats is None:
            stats = scan_brief(matcher, brief.body)
        fresh[brief.body] = stats
        by_brief[brief.id] = stats
        for actor in stats:
            briefs_mentioning[actor].append(brief)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    return by_brief, briefs_mentioning
