"""Recognise and remove the debris that copying an article from a web page brings along.

All rules are data, in this one module: each is a name, a language and a regular expression
matched against a whole *normalised* line (lower case, Markdown markup, bullets and closing
punctuation removed). A line is dropped when a rule matches it and it is short, so that a real
paragraph that happens to mention a newsletter is kept. Add a rule by adding a row below, and a
line to ``tests/test_debris.py`` that it must remove.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbook.model.fences import in_code

MAX_DEBRIS_LINE = 160
"""Lines longer than this (after normalising) are text, never debris."""

_SHARE_WORDS = (
    # English
    "share", "shares", "shared", "sharing", "tweet", "facebook", "twitter", "x", "linkedin",
    "whatsapp", "telegram", "reddit", "messenger", "pinterest", "bluesky", "threads", "email",
    "e-mail", "mail", "print", "copy", "copied", "link", "save", "saved", "bookmark", "gift",
    "comment", "comments", "on", "this", "the", "article", "story", "via", "by", "to",
    # French
    "partager", "partagez", "partage", "partages", "imprimer", "copier", "le", "lien",
    "envoyer", "par", "courriel", "sur", "cet", "l'article", "article", "sauvegarder",
    "enregistrer", "commenter", "commentaire", "commentaires", "offrir", "facebook", "ce",
)
_SHARE_CORE = (
    "share", "shares", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "telegram",
    "print", "copy link", "bookmark", "partager", "partagez", "imprimer", "copier le lien",
    "commentaires", "comments",
)


def _share_rule() -> str:
    words = "|".join(sorted({re.escape(w) for w in _SHARE_WORDS}, key=len, reverse=True))
    core = "|".join(re.escape(w) for w in _SHARE_CORE)
    token = rf"(?:{words}|\d+)"
    return rf"(?=.*\b(?:{core})\b)(?:{token}[\s,;|/·•()\-]*)+"


# (name, language, pattern): the pattern must match the whole normalised line.
RULES: tuple[tuple[str, str, str], ...] = (
    # Newsletter prompts
    ("newsletter", "en", r"(?:sign up|subscribe|register|get|receive)\b.*\bnewsletters?\b.*"),
    ("newsletter", "en", r"(?:our |the |daily |weekly )?newsletters?"),
    ("newsletter", "en", r"(?:enter )?your e-?mail(?: address)?\b.*"),
    ("newsletter", "fr", r"(?:inscrivez-vous|abonnez-vous|recevez|s'inscrire|je m'inscris|"
                         r"inscription)\b.*\b(?:newsletters?|infolettres?|lettres? "
                         r"d'information)\b.*"),
    ("newsletter", "fr", r"(?:(?:notre|la) )?(?:newsletter|infolettre|lettre d'information)"
                         r"(?: \w+)?"),
    ("newsletter", "fr", r"(?:saisissez |entrez )?votre (?:adresse )?e-?mail\b.*"),
    # Paywalls and log-in prompts
    ("paywall", "en", r"subscribe\b.*"),
    ("paywall", "en", r"already (?:a )?(?:subscriber|subscribed|member)\b.*"),
    ("paywall", "en", r"(?:this (?:article|content|story) is )?(?:reserved|exclusive|available)"
                      r" (?:for|to) (?:subscribers|members)\b.*"),
    ("paywall", "en", r"(?:to |log in to |sign in to )?continue reading\b.*"),
    ("paywall", "en", r"you have (?:\d+|one|two|three) free (?:articles?|stories)\b.*"),
    ("paywall", "en", r"(?:log|sign) in(?: to (?:read|continue|comment)\b.*)?"),
    ("paywall", "en", r"(?:start your )?free trial\b.*"),
    ("paywall", "en", r"unlock (?:this|the full|unlimited|full)\b.*"),
    ("paywall", "en", r"become a (?:member|subscriber)\b.*"),
    ("paywall", "en", r"support (?:our|independent|quality) journalism\b.*"),
    ("paywall", "fr", r"(?:vous êtes )?déjà abonnée?\b.*"),
    ("paywall", "fr", r"(?:cet article est )?réservé aux abonnés\b.*"),
    ("paywall", "fr", r"il vous reste \d+ articles?\b.*"),
    ("paywall", "fr", r"(?:pour )?lire la suite\b.*"),
    ("paywall", "fr", r"abonnez-vous\b.*"),
    ("paywall", "fr", r"(?:je m'abonne|s'abonner)\b.*"),
    ("paywall", "fr", r"offre (?:spéciale|d'abonnement|découverte|numérique)\b.*"),
    ("paywall", "fr", r"(?:se connecter|connectez-vous|je me connecte)\b.*"),
    ("paywall", "fr", r"soutenez (?:notre|le|un) journalisme\b.*"),
    # Share buttons
    ("share", "any", _share_rule()),
    # Navigation: breadcrumbs and publication stamps
    ("breadcrumb", "any", r"[^>›»/|\s]+(?: [^>›»/|\s]+){0,2}"
                          r"(?:(?: ?[>›»] ?| [/|] )[^>›»/|\s]+(?: [^>›»/|\s]+){0,2}){1,5}"),
    ("dateline", "en", r"(?:published|updated|last updated|posted)(?: on)? \w.{0,50}"),
    ("dateline", "fr", r"(?:publié|mis à jour|modifié)(?: le)? \w.{0,50}"),
    # Links to other articles
    ("read-more", "en", r"(?:read more|read next|more on this (?:story|topic)|see also)\b.*"),
    ("read-more", "en", r"related(?: articles?| stories| content| coverage)?(?::.*)?"),
    ("read-more", "en", r"(?:recommended(?: for you| reading)?|most (?:read|popular|viewed)|"
                        r"trending(?: now)?|you may also like|don't miss)"),
    ("read-more", "en", r"listen to (?:this )?(?:article|story)\b.*"),
    ("read-more", "en", r"\d+[ -]min(?:ute)?s?(?: read)?"),
    ("read-more", "fr", r"(?:à )?lire (?:aussi|également|la suite)\b.*"),
    ("read-more", "fr", r"(?:voir aussi|sur le même sujet|à voir aussi|à découvrir aussi)\b.*"),
    ("read-more", "fr", r"(?:les )?(?:plus lus|plus partagés|articles les plus lus)"),
    ("read-more", "fr", r"écouter (?:cet )?article\b.*"),
    ("read-more", "fr", r"(?:temps de )?lecture ?:? ?\d+ ?min(?:utes?)?\.?"),
    ("read-more", "fr", r"\d+ ?min(?:utes?)? de lecture"),
    # Cookie banners
    ("cookies", "en", r".*\b(?:we use|this (?:site|website) uses|accept|reject|manage|allow)\b"
                      r".*\bcookies?\b.*"),
    ("cookies", "en", r".*\bcookies? (?:settings|policy|preferences|consent)\b.*"),
    ("cookies", "en", r"(?:accept|reject|allow) all(?: cookies)?|manage (?:preferences|"
                      r"options|settings)"),
    ("cookies", "fr", r".*\b(?:nous utilisons|ce site utilise|accepter|refuser|gérer|"
                      r"paramétrer)\b.*\b(?:cookies?|traceurs)\b.*"),
    ("cookies", "fr", r"(?:tout accepter|tout refuser|continuer sans accepter|"
                      r"accepter et fermer|gérer mes choix|paramétrer)"),
    # Advertising and picture credits
    ("ads", "any", r"(?:advertisement|advertising|sponsored(?: content)?|publicité|"
                   r"contenu sponsorisé|pub)"),
    ("credits", "any", r"(?:©|\(c\)|copyright\b).*"),
    ("credits", "any", r"(?:(?:crédits? )?photos?|credits?|image|illustration) ?: .*"),
    # Lines that are nothing but numbers: share counts, page numbers, stray counters
    ("stray-number", "any", r"[\d\s.,:/+\-]*\d[\d\s.,:/+\-]*"),
)

_COMPILED = tuple((name, lang, re.compile(pattern)) for name, lang, pattern in RULES)

_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP_RE = re.compile(r"^(?:[#>*_\-+•·|]|\d+[.)]\s)+\s*|[*_`]+")
_TRAILING_PUNCT = " \t.:;!?…»›→>|·•-–—"
_TRAILING_NUMBER_RE = re.compile(r"(?<=[.!?…»\"”)])\s*\d{1,4}\s*$")


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text, and the lines removed with the name of the rule that removed each."""

    text: str
    removed: list[tuple[str, str]]


def normalise(line: str) -> str:
    """The form rules are matched against: plain lower-case words, no markup or end punctuation."""
    text = _LINK_RE.sub(r"\1", line.replace("’", "'").replace("\u00a0", " "))
    text = _MARKUP_RE.sub("", text.strip())
    text = " ".join(text.split()).lower()
    return text.strip(_TRAILING_PUNCT).lstrip("«“\"( ")


def debris_rule(line: str) -> str | None:
    """The name of the rule that marks ``line`` as debris, or None for a line to keep."""
    text = normalise(line)
    if not text or len(text) > MAX_DEBRIS_LINE:
        return None
    heading = line.lstrip().startswith("#")
    for name, _lang, pattern in _COMPILED:
        if pattern.fullmatch(text) and not (heading and name == "stray-number"):
            return name
    return None


def clean(text: str) -> Cleaned:
    """Drop debris lines and numbers left trailing after a sentence; tidy blank lines."""
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    lines = text.split("\n")
    for line, code in zip(lines, in_code(lines), strict=True):
        if code or not line.strip():
            kept.append(line.rstrip())
            continue
        rule = debris_rule(line)
        if rule:
            removed.append((rule, line.strip()))
            continue
        kept.append(_TRAILING_NUMBER_RE.sub("", line.rstrip()))
    return Cleaned(tidy_blank_lines("\n".join(kept)), removed)


def tidy_blank_lines(text: str) -> str:
    """At most one blank line in a row, none at the start, one newline at the end."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
