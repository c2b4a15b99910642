"""Find actors named in free text, in any language their aliases cover, in one pass.

All names and aliases go into one Aho-Corasick automaton, so the cost of a scan grows with the
text, not with the number of actors. Matches respect Unicode word boundaries (so French
elisions such as ``l'OTAN`` and ``d'Ukraine`` match, while ``Nations`` does not match inside
``Nationsunies``), and the longest match wins (``Mark Rutte`` over ``Rutte``).

Short all-capital aliases (acronyms such as ``US``, ``UN``, ``OTAN``) match only in capitals, or
in title case from three letters on (``Nato``), so that ``us`` or French ``un`` never link.
Names that belong to more than one actor are left out: validation reports them instead.

A name can only match where a word starts, so before the scan a mark is put in front of every
word start, of the text and of the names alike: the automaton then never reports a name inside
a word. Without it, aliases nested in each other (``x``, ``xx``, … ``x`` × 900) would report
hundreds of candidates at every letter of a long word; with it, the work stays proportional to
the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from briefbook.model.dossier import Actor

ACRONYM_MAX = 6
_WORD_START = re.compile(r"(?<!\w)(?=\w)")  # \w is what isalnum() accepts, and '_'
_MARK = "\x00"  # never in a text: control characters are removed when files are read


@dataclass(frozen=True, slots=True)
class Mention:
    """``text[start:end]`` names the actor ``actor``."""

    start: int
    end: int
    actor: str


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and name.isupper() and len(name) <= ACRONYM_MAX and " " not in name


def _lower(text: str) -> str:
    """Lower-case ``text`` without changing its length, so that offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class MentionMatcher:
    """Finds mentions of actors' names and aliases in text."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        folded: dict[str, set[str]] = {}
        exact: dict[str, set[str]] = {}
        for actor in actors:
            for name in actor.names:
                name = " ".join(name.split())
                if not name:
                    continue
                if _is_acronym(name):
                    exact.setdefault(name, set()).add(actor.id)
                    if len(name) >= 3:
                        exact.setdefault(name.capitalize(), set()).add(actor.id)
                else:
                    folded.setdefault(_lower(name), set()).add(actor.id)
        shared = {k for k, v in folded.items() if len(v) > 1}
        self.ambiguous = sorted(shared | {k for k, v in exact.items() if len(v) > 1})
        self._folded = self._automaton(folded)
        self._exact = self._automaton(exact)
        self.last_work = 0

    @staticmethod
    def _automaton(patterns: dict[str, set[str]]) -> ahocorasick.Automaton | None:
        unique = {key: next(iter(ids)) for key, ids in patterns.items() if len(ids) == 1}
        if not unique:
            return None
        automaton = ahocorasick.Automaton()
        for key, actor_id in unique.items():
            marked = _WORD_START.sub(_MARK, key)
            automaton.add_word(marked, (len(marked), len(key), actor_id))
        automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, left to right, longest first, never overlapping."""
        candidates: list[tuple[int, int, int, str]] = []
        size = len(text)
        reported = 0
        for automaton, marked in self._haystacks(text):
            counted, marks = 0, 0  # marks in marked[:counted]
            for end_index, (_, length, actor_id) in automaton.iter(marked):
                reported += 1
                if end_index + 1 > counted:  # matches come by their end, left to right
                    marks += marked.count(_MARK, counted, end_index + 1)
                    counted = end_index + 1
                end = end_index + 1 - marks
                start = end - length
                if start > 0:
                    before = text[start - 1]
                    if before.isalnum() or before == "_":
                        continue
                if end < size:
                    after = text[end]
                    if after.isalnum() or after == "_":
                        continue
                candidates.append((start, -length, end, actor_id))
        self.last_work = reported  # what the automaton reported: bounded by the text's size
        candidates.sort()  # left to right, the longest first where two start together
        chosen: list[Mention] = []
        last_end = -1
        for start, _, end, actor_id in candidates:
            if start >= last_end:
                chosen.append(Mention(start, end, actor_id))
                last_end = end
        return chosen

    def _haystacks(self, text: str) -> list[tuple[ahocorasick.Automaton, str]]:
        """The texts each automaton scans: lower-cased for the folded names, as written for
        the acronyms, with the marks at word starts."""
        marked = _WORD_START.sub(_MARK, text)
        haystacks = []
        if self._folded is not None:
            # Lower-casing changes no character's \w-ness, so it keeps the word starts; it
            # looks at neighbours only for a final sigma, which a mark could hide.
            lowered = (_lower(marked) if "\u03a3" not in text
                       else _WORD_START.sub(_MARK, _lower(text)))
            haystacks.append((self._folded, lowered))
        if self._exact is not None:
            haystacks.append((self._exact, marked))
        return haystacks

    def count(self, text: str) -> Counter[str]:
        """How many times each actor is named in ``text``."""
        return Counter(m.actor for m in self.find(text))
