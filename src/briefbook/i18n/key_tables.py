"""Which catalogue key names each value of a closed set: a stance, a question's status, a grade.

Templates and views never build a key from a value (``'stance_' ~ value``): they look the value up
in a :class:`KeyTable`, which must name a key for every value of its set, so a new enum member
without a label fails at import, and the catalogue test checks every table's keys in every
language.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from enum import Enum
from typing import Any, Final, Generic, TypeVar

from briefbook.model.dossier import ActorKind, QuestionStatus, Stance
from briefbook.model.grading import CREDIBILITY, RELIABILITY, SourceKind

V = TypeVar("V", bound=Hashable)


class KeyTable(Generic[V]):
    """The catalogue key of each value of a closed set (``values``, in their order)."""

    def __init__(self, name: str, values: Iterable[V], keys: Mapping[V, str]) -> None:
        self.name = name
        self.values = tuple(values)
        missing = [value for value in self.values if value not in keys]
        extra = [value for value in keys if value not in self.values]
        if missing or extra:
            raise ValueError(f"key table '{name}': no key for {missing}, or keys for values "
                             f"that are not in the set: {extra}")
        self._keys = {value: keys[value] for value in self.values}

    def __getitem__(self, value: V) -> str:
        return self._keys[value]

    def catalogue_keys(self) -> tuple[str, ...]:
        """Every key the table can give."""
        return tuple(self._keys.values())


STANCE: Final = KeyTable("stance", Stance, {
    Stance.SUPPORTS: "supports",
    Stance.OPPOSES: "opposes",
    Stance.CONDITIONAL: "conditional",
    Stance.NEUTRAL: "neutral",
    Stance.UNDECIDED: "undecided",
})
QUESTION_STATUS: Final = KeyTable("question status", QuestionStatus, {
    QuestionStatus.OPEN: "open",
    QuestionStatus.ANSWERED: "answered",
    QuestionStatus.MOOT: "moot",
})
#: The heading of the questions of one status ("Open questions").
QUESTION_STATUS_HEADING: Final = KeyTable("question status heading", QuestionStatus, {
    QuestionStatus.OPEN: "open_questions",
    QuestionStatus.ANSWERED: "answered_questions",
    QuestionStatus.MOOT: "moot_questions",
})
ACTOR_KIND: Final = KeyTable("actor kind", ActorKind, {
    ActorKind.STATE: "state",
    ActorKind.ORGANISATION: "organisation",
    ActorKind.PERSON: "person",
    ActorKind.GROUP: "group",
})
#: The heading of the actors of one kind ("States").
ACTOR_KIND_GROUP: Final = KeyTable("actor kind group", ActorKind, {
    ActorKind.STATE: "kind_state",
    ActorKind.ORGANISATION: "kind_organisation",
    ActorKind.PERSON: "kind_person",
    ActorKind.GROUP: "kind_group",
})
SOURCE_KIND: Final = KeyTable("source kind", SourceKind, {
    SourceKind.REPORT: "source_kind_report",
    SourceKind.OFFICIAL: "source_kind_official",
    SourceKind.ANALYSIS: "source_kind_analysis",
    SourceKind.PRIMARY: "source_kind_primary",
    SourceKind.INTERVIEW: "source_kind_interview",
    SourceKind.SOCIAL: "source_kind_social",
})
#: What the letter of a grade says of the source.
RELIABILITY_MEANING: Final = KeyTable("reliability", RELIABILITY, {
    "A": "reliability_a",
    "B": "reliability_b",
    "C": "reliability_c",
    "D": "reliability_d",
    "E": "reliability_e",
    "F": "reliability_f",
})
#: What the digit of a grade says of the information.
CREDIBILITY_MEANING: Final = KeyTable("credibility", [int(digit) for digit in CREDIBILITY], {
    1: "credibility_1",
    2: "credibility_2",
    3: "credibility_3",
    4: "credibility_4",
    5: "credibility_5",
    6: "credibility_6",
})

#: The table ``label(value)`` uses for an enum member: its everyday name.
LABEL_TABLES: Final[Mapping[type[Enum], KeyTable[Any]]] = {
    Stance: STANCE,
    QuestionStatus: QUESTION_STATUS,
    ActorKind: ACTOR_KIND,
    SourceKind: SOURCE_KIND,
}


def label_key(value: Enum) -> str:
    """The catalogue key of an enum member's everyday name (``Stance.SUPPORTS`` → ``supports``)."""
    table = LABEL_TABLES.get(type(value))
    if table is None:
        raise TypeError(f"no label table for {type(value).__name__}; add one to "
                        "briefbook.i18n.key_tables.LABEL_TABLES")
    return table[value]
