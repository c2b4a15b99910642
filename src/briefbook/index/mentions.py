"""Find actors named in free text, in any language their aliases cover, in one pass.

All names and aliases go into one Aho-Corasick automaton, so the cost of a scan grows with the
text, not with the number of actors. Matches respect Unicode word boundaries (so French
elisions such as ``l'OTAN`` and ``d'Ukraine`` match, while ``Nations`` does not match inside
``Nationsunies``), and the longest match wins (``Mark Rutte`` over ``Rutte``).

Short all-capital aliases (acronyms such as ``US``, ``UN``, ``OTAN``) match only in capitals, or
in title case from three letters on (``Nato``), so that ``us`` or French ``un`` never link.
Names that belong to more than one actor are left out: validation reports them instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from briefbook.model.dossier import Actor

ACRONYM_MAX = 6


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

    @staticmethod
    def _automaton(patterns: dict[str, set[str]]) -> ahocorasick.Automaton | None:
        unique = {key: next(iter(ids)) for key, ids in patterns.items() if len(ids) == 1}
        if not unique:
            return None
        automaton = ahocorasick.Automaton()
        for key, actor_id in unique.items():
            automaton.add_word(key, (len(key), actor_id))
        automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, left to right, longest first, never overlapping."""
        candidates: list[tuple[int, int, int, str]] = []
        size = len(text)
        for automaton, haystack in ((self._folded, _lower(text)), (self._exact, text)):
            if automaton is None:
                continue
            for end_index, (length, actor_id) in automaton.iter(haystack):
                start, end = end_index - length + 1, end_index + 1
                if start > 0:
                    before = text[start - 1]
                    if before.isalnum() or before == "_":
                        continue
                if end < size:
                    after = text[end]
                    if after.isalnum() or after == "_":
                        continue
                candidates.append((start, -length, end, actor_id))
        candidates.sort()  # left to right, the longest first where two start together
        chosen: list[Mention] = []
        last_end = -1
        for start, _, end, actor_id in candidates:
            if start >= last_end:
                chosen.append(Mention(start, end, actor_id))
                last_end = end
        return chosen

    def count(self, text: str) -> Counter[str]:
        """How many times each actor is named in ``text``."""
        return Counter(m.actor for m in self.find(text))
