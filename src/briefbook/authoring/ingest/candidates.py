"""Suggest new actors: capitalised names that recur in a text and are not yet in the dossier.

A candidate is a run of capitalised words (``Keir Starmer``, ``AUKUS``), which may be joined by
particles (``Bank of England``, ``Cour de justice``), after known actors' mentions have been
masked out. Ordinary words that are capitalised only because they start a sentence, and stop
words in English and French, and the words of a page's interface (``Share``, ``Permalink``,
``Unternavigationspunkte``), are never candidates. A surname alone (``Starmer``) is counted
with the full name it ends (``Keir Starmer``) when there is exactly one such name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefbook.index.mentions import MentionMatcher


def _words(text: str) -> frozenset[str]:
    """A word list written as space-separated words."""
    return frozenset(text.split())


STOP_WORDS = _words("""
a an and as at but by for from if in into it its of on or our she he they their this that these
those to was we were what when where which while who why will with yet you your i however
also after before since during although though there here then thus so not no yes
le la les l un une des du de d et ou mais donc or ni car il elle ils elles on nous vous je
ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes qui que quoi dont où
pour par sur sous dans avec sans selon chez vers entre depuis pendant avant après lors
en au aux y ne pas plus moins très si alors ainsi aussi cependant toutefois néanmoins enfin
selon comme quand lorsque puis dès tandis certains certaines plusieurs chaque tous toutes
later earlier meanwhile now today yesterday tomorrow still already again instead even only
ensuite hier demain aujourd'hui désormais déjà encore pourtant même seulement enfin
""")

CALENDAR_WORDS = _words("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
juillet août septembre octobre novembre décembre
""")

HONORIFICS = _words("mr mrs ms dr sir m mme mlle me prof")

INTERFACE_WORDS = _words("""
share shares tweet email print permalink comment comments reply replies login log sign menu
search home skip content navigation subscribe subscriber newsletter cookies cookie accept
reject settings privacy policy terms advertisement sponsored related read more next previous
back top close open follow like facebook twitter linkedin whatsapp instagram youtube rss
partager imprimer commentaires commentaire répondre connexion rechercher accueil abonnez-vous
abonné abonnés publicité suivre fermer lire aussi plus
teilen drucken kommentare kommentar antworten anmelden suche startseite navigation
unternavigationspunkte hauptnavigation menü abonnieren anzeige werbung mehr weiter zurück
datenschutz impressum
compartir imprimir comentarios responder buscar inicio suscríbete publicidad seguir más
condividi stampa commenti rispondi cerca accedi abbonati pubblicità segui altro
""")
"""Words of a page's interface (buttons, menus) in the five languages: never a candidate."""

PARTICLES = _words("of the de du des la le von van der den di da al bin el")

_WORD_RE = re.compile(r"[^\W\d_](?:[\w\-]*\w)?(?:['’][^\W\d_][\w\-]*)?|[.!?…:;\n]")
_ELISION_RE = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s$")
_SENTENCE_END = frozenset(".!?…:;\n")
MASK = "\u2016"


@dataclass(frozen=True)
class Candidate:
    """A name that could be a new actor, and how many times the text uses it."""

    name: str
    count: int


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _runs(text: str) -> list[tuple[list[str], bool]]:
    """Runs of capitalised words (with inner particles), each with 'starts a sentence'."""
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    current_initial = False
    sentence_start = True
    last_end = 0

    def close() -> None:
        nonlocal current
        while current and current[-1].lower() in PARTICLES:
            current.pop()
        if current:
            runs.append((current, current_initial))
        current = []

    for match in _WORD_RE.finditer(text):
        token = match.group()
        gap = text[last_end:match.start()]
        last_end = match.end()
        if token in _SENTENCE_END:
            close()
            sentence_start = True
            continue
        word = _ELISION_RE.sub("", token)
        elided = word != token
        possessive = _POSSESSIVE_RE.search(word)  # "the Suez Canal Authority's partners"
        if possessive:
            word = word[: possessive.start()]
        if current and (gap.strip() or elided):
            close()
        if word and _is_capitalised(word):
            if not current:
                current_initial = sentence_start and not elided
            current.append(word)
            if possessive:  # a possessive ends the name it is part of
                close()
                sentence_start = False
                continue
        elif current and word.lower() in PARTICLES and not gap.strip():
            current.append(word)
        else:
            close()
        sentence_start = False
    close()
    return runs


def _trim(words: list[str], initial: bool, lowercase_words: set[str]) -> list[str]:
    """Drop leading stop words, honorifics and sentence-initial ordinary words."""
    words = list(words)
    first = True
    while words:
        lower = words[0].lower().strip(".")
        ordinary = first and initial and lower in lowercase_words
        if lower in STOP_WORDS or lower in HONORIFICS or lower in PARTICLES or ordinary:
            words.pop(0)
            first = False
            continue
        break
    while words and words[-1].lower() in PARTICLES:
        words.pop()
    if len(words) == 1 and words[0].lower() in CALENDAR_WORDS:
        return []
    if all(word.lower() in INTERFACE_WORDS for word in words):
        return []
    return words


def find_candidates(
    text: str, matcher: MentionMatcher | None = None, min_count: int = 2
) -> list[Candidate]:
    """Recurring capitalised names in ``text`` that ``matcher`` does not know, most used first."""
    if matcher is not None:
        chars = list(text)
        for mention in matcher.find(text):
            chars[mention.start : mention.end] = MASK * (mention.end - mention.start)
        text = "".join(chars)
    lowercase_words = {
        w for w in (m.group() for m in _WORD_RE.finditer(text)) if w[:1].islower()
    }
    counts: Counter[str] = Counter()
    for words, initial in _runs(text):
        kept = _trim(words, initial, lowercase_words)
        if kept:
            counts[" ".join(kept)] += 1
    full_names: dict[str, list[str]] = {}
    for name in counts:
        if " " in name:
            full_names.setdefault(name.rsplit(" ", 1)[1], []).append(name)
    for name in [n for n in counts if " " not in n]:
        longer = full_names.get(name, [])
        if len(longer) == 1:
            counts[longer[0]] += counts.pop(name)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Candidate(name, count) for name, count in ranked if count >= min_count]
