"""Recognise and remove the debris that copying an article from a web page brings along.

All rules are data, in this one module: each is a name, a language and a regular expression
matched against a whole *normalised* line (lower case, Markdown markup, bullets and closing
punctuation removed). A line is dropped when a rule matches it and it is short, so that a real
paragraph that happens to mention a newsletter is kept. Lines removed by the ``credit`` rules
("Additional reporting by …") are not lost: ingest keeps them as the source's credits. Rules
cover English, French, German, Spanish and Italian. Add a rule by adding a row below, and a
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
    # German, Spanish, Italian
    "teilen", "drucken", "kopieren", "kommentare", "kommentieren", "artikel", "den", "diesen",
    "per", "auf", "merken", "compartir", "imprimir", "copiar", "enlace", "comentarios", "en",
    "este", "artículo", "guardar", "condividi", "condividere", "stampa", "copia", "commenti",
    "questo", "articolo", "salva", "su", "permalink", "whatsapp",
)
_SHARE_CORE = (
    "share", "shares", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "telegram",
    "print", "copy link", "bookmark", "partager", "partagez", "imprimer", "copier le lien",
    "commentaires", "comments", "teilen", "drucken", "kommentare", "link kopieren",
    "compartir", "imprimir", "comentarios", "copiar enlace", "condividi", "stampa", "commenti",
    "copia link", "permalink",
)


def _share_rule() -> str:
    words = "|".join(sorted({re.escape(w) for w in _SHARE_WORDS}, key=len, reverse=True))
    core = "|".join(re.escape(w) for w in _SHARE_CORE)
    token = rf"(?:{words}|\d+)"
    return rf"(?=.*\b(?:{core})\b)(?:{token}[\s,;|/·•()\-]*)+"


_NAMES = r"(?: \S+){1,12}"
"""What follows a credit's opening words: a few names and places, not a sentence."""

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
    ("newsletter", "any", r".*\b(?:free|gratuit(?:e|ement)?|gratis|kostenlos(?:e|en)?|"
                          r"gratuit[ao]|gratuitamente|unlock|verrouiller|déverrouiller|"
                          r"débloquer|sign up|subscribe|inscri\w*|abonn\w*|abonnier\w*|"
                          r"bestell\w*|suscr[ií]b\w*|iscriv\w*)\b.*\b(?:newsletters?|"
                          r"infolettres?|boletín|boletines)\b.*"),
    ("newsletter", "any", r".*\b(?:newsletters?|infolettres?|boletín)\b.*\b(?:free|gratuit"
                          r"(?:e|ement)?|gratis|kostenlos|gratuitamente|inbox|boîte mail|"
                          r"postfach|bandeja)\b.*"),
    # A newsletter's tagline: "Your guide to …", "Votre guide de …"
    ("newsletter", "any", r"(?:your|votre|ihr|dein|tu|su|la tua|il tuo) (?:essential |daily |"
                          r"weekly )?(?:guide|guía|guida|leitfaden|wegweiser|briefing)\b.*"),
    ("newsletter", "de", r"(?:jetzt |hier )?(?:(?:den |unseren )?newsletter "
                         r"(?:abonnieren|bestellen)|zum newsletter anmelden)\b.*"),
    ("newsletter", "es", r"(?:suscríbete|suscribete|apúntate|regístrate)\b.*\b(?:boletín|"
                         r"newsletter)\b.*"),
    ("newsletter", "it", r"(?:iscriviti|abbonati|ricevi)\b.*\bnewsletter\b.*"),
    # Credits ("Additional reporting by …"): short lines, kept as the source's credits
    ("credit", "en", r"(?:(?:with )?(?:additional |further )?reporting (?:by|from|in)|"
                     r"(?:writing|editing|edited|written) by)" + _NAMES),
    ("credit", "fr", r"(?:(?:avec )?(?:rapports?|reportages?|informations?) (?:supplémentaires?"
                     r"|complémentaires?) (?:de|d'|sur|par|depuis|à)|avec la (?:contribution|"
                     r"collaboration) de|(?:édité|rédigé|édition) par)" + _NAMES),
    ("credit", "de", r"(?:(?:zusätzliche |weitere )?(?:berichterstattung|mitarbeit|recherche) "
                     r"(?:von|durch|aus)|mitarbeit:|mit material von|redigiert von)" + _NAMES),
    ("credit", "es", r"(?:(?:con )?(?:información|reportaje|informes?|reporte) adicional(?:es)?"
                     r" (?:de|desde|por|en)|con (?:información|la colaboración) de|editado por)"
                     + _NAMES),
    ("credit", "it", r"(?:(?:ha|hanno) collaborato|(?:servizio|contributo|reportage) aggiuntivo"
                     r" (?:di|da)|con la collaborazione di)" + _NAMES),
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
    ("paywall", "de", r"(?:jetzt )?(?:abonnieren|abonnent werden|registrieren)\b.*|bereits "
                      r"(?:abonnent|registriert)\b.*|(?:jetzt )?weiterlesen\b.*|"
                      r"(?:anmelden|einloggen)"),
    ("paywall", "es", r"(?:suscríbete|suscribete|hazte suscriptor)\b.*|(?:ya eres|¿ya eres) "
                      r"suscriptor\b.*|(?:seguir|continuar) leyendo\b.*|iniciar sesión"),
    ("paywall", "it", r"(?:abbonati|abbonarsi)\b.*|sei già abbonato\b.*|continua a leggere"
                      r"\b.*|accedi"),
    # Share buttons
    ("share", "any", _share_rule()),
    # Navigation: breadcrumbs and publication stamps
    ("breadcrumb", "any", r"[^>›»/|\s]+(?: [^>›»/|\s]+){0,2}"
                          r"(?:(?: ?[>›»] ?| [/|] )[^>›»/|\s]+(?: [^>›»/|\s]+){0,2}){1,5}"),
    ("dateline", "en", r"(?:published|updated|last updated|posted)(?: on)? \w.{0,50}"),
    ("dateline", "fr", r"(?:publié|publiée|paru|mis à jour|modifié)(?: le)? \w.{0,50}"),
    ("dateline", "de", r"(?:veröffentlicht|erschienen|aktualisiert|stand)(?: am)?:? \w.{0,50}"),
    ("dateline", "es", r"(?:publicado|actualizado)(?: el)?:? \w.{0,50}"),
    ("dateline", "it", r"(?:pubblicato|aggiornato)(?: il)?:? \w.{0,50}"),
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
    ("read-more", "de", r"(?:lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|"
                        r"weitere inhalte|das könnte sie auch interessieren|meistgelesen)\b.*"),
    ("read-more", "es", r"(?:lee también|leer también|lea también|te puede interesar|"
                        r"noticias relacionadas|lo más leído)\b.*"),
    ("read-more", "it", r"(?:leggi anche|potrebbe interessarti|articoli correlati|"
                        r"i più letti)\b.*"),
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
    ("cookies", "de", r".*\bcookies?\b.*\b(?:akzeptieren|ablehnen|zustimmen|einstellungen|"
                      r"verwenden)\b.*|.*\b(?:wir verwenden|diese (?:website|seite) "
                      r"verwendet)\b.*\bcookies?\b.*|alle (?:akzeptieren|ablehnen)"),
    ("cookies", "es", r".*\b(?:utilizamos|usamos|aceptar|rechazar|configurar)\b.*\bcookies?"
                      r"\b.*|(?:aceptar|rechazar) todo"),
    ("cookies", "it", r".*\b(?:utilizziamo|usiamo|accetta|rifiuta|gestisci)\b.*\bcookies?\b"
                      r".*|(?:accetta|rifiuta) tutti"),
    # Advertising and picture credits
    ("ads", "any", r"(?:advertisement|advertising|sponsored(?: content)?|publicité|"
                   r"contenu sponsorisé|pub|anzeige|werbung|publicidad|pubblicità)"),
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
    if not text or len(text) > MAX_DEBRIS_LINE or line.lstrip().startswith("|"):
        return None  # a table's row is content, whatever its cells say
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


_COMMENTS_HEADING_RE = re.compile(
    r"(?:\d+ )?(?:comments?|reader comments|leave a (?:reply|comment)|join the (?:conversation|"
    r"discussion)|commentaires?|réagir|laisser un commentaire|kommentare?|kommentieren|"
    r"diskussion|comentarios?|comentar|deja (?:un|tu) comentario|commenti|commenta|"
    r"lascia un commento)(?: \(\d+\))?")


def cut_comments(text: str) -> Cleaned:
    """The text without a readers' comments section: from a heading such as ``## Comments``
    (``Kommentare``, ``Comentar`` …) in its second half to the end. Comment sections that a
    page does not mark as such reach the article's end this way; each line cut is reported."""
    lines = text.split("\n")
    for index in range(len(lines) // 2, len(lines)):
        line = lines[index]
        if line.lstrip().startswith("#") and _COMMENTS_HEADING_RE.fullmatch(normalise(line)):
            removed = [("comments", cut.strip()) for cut in lines[index:] if cut.strip()]
            return Cleaned(tidy_blank_lines("\n".join(lines[:index])), removed)
    return Cleaned(text, [])


def tidy_blank_lines(text: str) -> str:
    """At most one blank line in a row, none at the start, one newline at the end."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
