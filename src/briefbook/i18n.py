"""Labels of generated pages in the site language (English and French; English otherwise)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "overview": "Overview",
        "briefs": "Briefs",
        "brief": "Brief",
        "actors": "Actors",
        "topics": "Topics",
        "tags": "Tags",
        "timeline": "Timeline",
        "questions": "Questions",
        "positions": "Positions",
        "events": "Events",
        "source": "Source",
        "published": "Date",
        "language": "Language",
        "authors": "Authors",
        "translated_from": "Translated from {lang}",
        "translation_note": "This text was read in a translation; check names and quotes "
        "against the original.",
        "summary": "Summary",
        "stance": "Stance",
        "quote": "Quote",
        "raised_in": "Raised in",
        "answered_in": "Answered in",
        "answer": "Answer",
        "status": "Status",
        "place": "Place",
        "page_of": "Page {page} of {pages}",
        "previous": "Newer",
        "next": "Older",
        "brief_count": "{count} briefs",
        "no_briefs": "No briefs yet.",
        "supports": "supports",
        "opposes": "opposes",
        "conditional": "conditional",
        "neutral": "neutral",
        "undecided": "undecided",
        "open": "open",
        "answered": "answered",
        "moot": "moot",
        "on": "on",
        "followed_up_in": "Followed up in",
    },
    "fr": {
        "overview": "Vue d'ensemble",
        "briefs": "Fiches",
        "brief": "Fiche",
        "actors": "Acteurs",
        "topics": "Sujets",
        "tags": "Étiquettes",
        "timeline": "Chronologie",
        "questions": "Questions",
        "positions": "Positions",
        "events": "Événements",
        "source": "Source",
        "published": "Date",
        "language": "Langue",
        "authors": "Auteurs",
        "translated_from": "Traduit de : {lang}",
        "translation_note": "Ce texte a été lu en traduction ; vérifiez noms et citations "
        "sur l'original.",
        "summary": "Résumé",
        "stance": "Position",
        "quote": "Citation",
        "raised_in": "Posée dans",
        "answered_in": "Réponse dans",
        "answer": "Réponse",
        "status": "Statut",
        "place": "Lieu",
        "page_of": "Page {page} sur {pages}",
        "previous": "Plus récentes",
        "next": "Plus anciennes",
        "brief_count": "{count} fiches",
        "no_briefs": "Aucune fiche pour l'instant.",
        "supports": "pour",
        "opposes": "contre",
        "conditional": "sous conditions",
        "neutral": "neutre",
        "undecided": "indécis",
        "open": "ouverte",
        "answered": "résolue",
        "moot": "sans objet",
        "on": "sur",
        "followed_up_in": "Suivie dans",
    },
}

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "fr": "French", "de": "German", "it": "Italian", "es": "Spanish",
           "uk": "Ukrainian", "ru": "Russian", "pl": "Polish", "nl": "Dutch", "pt": "Portuguese"},
    "fr": {"en": "anglais", "fr": "français", "de": "allemand", "it": "italien", "es": "espagnol",
           "uk": "ukrainien", "ru": "russe", "pl": "polonais", "nl": "néerlandais",
           "pt": "portugais"},
}


def base_language(language: str) -> str:
    return (language or "en").replace("_", "-").split("-")[0].lower()


class Translator:
    """``t(key, **values)`` for one site language, falling back to English, then to the key."""

    def __init__(self, language: str = "en") -> None:
        self.language = base_language(language)
        self.labels = {**LABELS["en"], **LABELS.get(self.language, {})}
        self.names = LANGUAGE_NAMES.get(self.language, LANGUAGE_NAMES["en"])

    def __call__(self, key: str, **values: object) -> str:
        text = self.labels.get(key, key)
        return text.format(**values) if values else text

    def language_name(self, code: str) -> str:
        return self.names.get(base_language(code), code)
