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
        # questions, positions, topics, overview, printable book
        "open_questions": "Open questions",
        "answered_questions": "Answered questions",
        "moot_questions": "Moot questions",
        "question_count": "{count} questions",
        "no_questions": "No questions yet.",
        "link_here": "Link to this question",
        "trail": "Trail of evidence",
        "previous_page": "Previous page",
        "next_page": "Next page",
        "positions_intro": "Each cell shows an actor's latest stance on a topic and links to the "
        "brief that reports it; ↻ marks a stance that changed.",
        "changed_stances": "Changed stances",
        "stance_changed": "stance changed",
        "was_stance": "was {stance}",
        "no_positions": "No positions yet.",
        "actor": "Actor",
        "topic": "Topic",
        "no_topics": "No topics yet.",
        "actor_count": "{count} actors",
        "actor_position_count": "{count} actors with positions",
        "open_question_count": "{count} open questions",
        "earlier_positions": "Earlier positions",
        "raised_on": "raised {date}",
        "more_briefs": "{count} older briefs are not listed here.",
        "all_briefs": "All briefs",
        "latest_briefs": "Latest briefs",
        "most_active_actors": "Most active actors",
        "latest_events": "Latest events",
        "no_open_questions": "No open questions.",
        "more_questions": "and {count} more",
        "no_events": "No events yet.",
        "print_book": "Briefing book",
        "print_note": "The whole dossier on one page: print it, or save it as PDF, from your "
        "browser's Print command.",
        "print_omitted": "This book holds the {shown} latest of {total} briefs.",
        "kind": "Kind",
        "role": "Role",
        "brief_count_header": "Briefs",
        "kind_state": "state",
        "kind_organisation": "organisation",
        "kind_person": "person",
        "kind_group": "group",
        "brief_count_one": "{count} brief",
        "question_count_one": "{count} question",
        "actor_count_one": "{count} actor",
        "actor_position_count_one": "{count} actor with a position",
        "open_question_count_one": "{count} open question",
        "more_briefs_one": "{count} older brief is not listed here.",
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
        # questions, positions, sujets, vue d'ensemble, dossier imprimable
        "open_questions": "Questions ouvertes",
        "answered_questions": "Questions résolues",
        "moot_questions": "Questions sans objet",
        "question_count": "{count} questions",
        "no_questions": "Aucune question pour l'instant.",
        "link_here": "Lien vers cette question",
        "trail": "Éléments au dossier",
        "previous_page": "Page précédente",
        "next_page": "Page suivante",
        "positions_intro": "Chaque case donne la dernière position d'un acteur sur un sujet et "
        "renvoie à la fiche qui la rapporte ; ↻ signale une position qui a changé.",
        "changed_stances": "Positions qui ont changé",
        "stance_changed": "position modifiée",
        "was_stance": "auparavant : {stance}",
        "no_positions": "Aucune position pour l'instant.",
        "actor": "Acteur",
        "topic": "Sujet",
        "no_topics": "Aucun sujet pour l'instant.",
        "actor_count": "{count} acteurs",
        "actor_position_count": "{count} acteurs ayant une position",
        "open_question_count": "{count} questions ouvertes",
        "earlier_positions": "Positions antérieures",
        "raised_on": "posée : {date}",
        "more_briefs": "{count} fiches plus anciennes ne sont pas listées ici.",
        "all_briefs": "Toutes les fiches",
        "latest_briefs": "Dernières fiches",
        "most_active_actors": "Acteurs les plus présents",
        "latest_events": "Derniers événements",
        "no_open_questions": "Aucune question ouverte.",
        "more_questions": "et {count} autres",
        "no_events": "Aucun événement pour l'instant.",
        "print_book": "Dossier imprimable",
        "print_note": "Tout le dossier sur une page : imprimez-le, ou enregistrez-le en PDF, "
        "avec la commande Imprimer du navigateur.",
        "print_omitted": "Ce dossier contient les {shown} fiches les plus récentes sur {total}.",
        "kind": "Type",
        "role": "Rôle",
        "brief_count_header": "Fiches",
        "kind_state": "État",
        "kind_organisation": "organisation",
        "kind_person": "personne",
        "kind_group": "groupe",
        "brief_count_one": "{count} fiche",
        "question_count_one": "{count} question",
        "actor_count_one": "{count} acteur",
        "actor_position_count_one": "{count} acteur ayant une position",
        "open_question_count_one": "{count} question ouverte",
        "more_briefs_one": "{count} fiche plus ancienne n'est pas listée ici.",
        "more_questions_one": "et {count} autre",
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

    def count(self, key: str, count: int) -> str:
        """``key`` with ``{count}`` filled in, using the singular ``<key>_one`` where it applies."""
        singular = count == 1 or (self.language == "fr" and count == 0)
        if singular and f"{key}_one" in self.labels:
            key = f"{key}_one"
        return self(key, count=count)

    def language_name(self, code: str) -> str:
        return self.names.get(base_language(code), code)
