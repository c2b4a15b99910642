"""Scraping debris: every rule removes what it is for, and real sentences are kept."""

import pytest

from briefbook.authoring.ingest.debris import MAX_DEBRIS_LINE, RULES, clean, debris_rule

DEBRIS = {
    "newsletter": [
        "Sign up for our Defence newsletter",
        "Get the Morning Briefing newsletter in your inbox",
        "Newsletter",
        "Enter your email address",
        "Inscrivez-vous à notre newsletter Défense et recevez l'essentiel chaque matin.",
        "**Recevez gratuitement notre lettre d'information**",
        "La newsletter Défense",
    ],
    "paywall": [
        "Subscribe to continue reading", "Already a subscriber? Log in",
        "This article is reserved for subscribers.", "You have 2 free articles left this month",
        "Continue reading", "Start your free trial", "Cet article est réservé aux abonnés.",
        "Il vous reste 2 articles à lire.", "Pour lire la suite, abonnez-vous",
        "Abonnez-vous à partir de 1 € le premier mois", "Déjà abonné ? Connectez-vous",
        "Offre spéciale : 1 € le premier mois", "Se connecter",
    ],
    "share": [
        "Share", "Share on Facebook", "- [Tweet](https://twitter.example/intent)",
        "Facebook | Twitter | LinkedIn | Email", "Share this article", "Copy link",
        "Partager", "Partager sur Facebook Partager sur X Copier le lien", "Imprimer",
        "Commentaires (12)", "Partager l'article",
    ],
    "read-more": [
        "Read more: What we know about the ceasefire", "Related articles", "See also",
        "Most read", "5 min read", "Lire aussi : Ukraine : ce que l'on sait",
        "À lire aussi", "Voir aussi", "Temps de lecture : 4 min.", "Les plus lus",
        "Sur le même sujet", "3 min de lecture",
    ],
    "cookies": [
        "We use cookies to improve your experience.", "Accept all cookies", "Cookie settings",
        "Reject all", "Nous utilisons des cookies pour améliorer votre expérience.",
        "Tout accepter", "Continuer sans accepter", "Paramétrer les cookies",
    ],
    "ads": ["Advertisement", "Publicité", "Sponsored content", "Contenu sponsorisé"],
    "credits": ["© AFP", "Photo: Reuters", "Crédit photo : Ludovic Marin / AFP"],
    "breadcrumb": ["Accueil > International > Défense", "Home / World / Europe"],
    "dateline": ["Publié le 14 mai 2025 à 08h12", "Updated 3 hours ago",
                 "Mis à jour le 15 mai 2025"],
    "stray-number": ["12", "3 456", "14/05/2025", "- 7"],
}

KEPT = [
    "Le Royaume-Uni et la France ont présenté mardi un projet à leurs partenaires.",
    "The minister said she would subscribe to any plan that keeps NATO involved.",
    "Les abonnés du réseau électrique ont été privés de courant pendant deux heures.",
    "La France et le Royaume-Uni / une note de cadrage",
    "Paris/Londres",
    "NATO shares intelligence with partners.",
    "Read the statement in full on the ministry's site, it says more than the summary does.",
    "Il a dit : « Nous utilisons tous les moyens », sans préciser lesquels ni quand ni comment.",
    "En 2025, 30 pays participent.",
    "# 2025",  # a heading stays a heading
]


@pytest.mark.parametrize(("rule", "line"), [(r, line) for r, ls in DEBRIS.items() for line in ls])
def test_rule_removes_its_debris(rule, line):
    assert debris_rule(line) == rule


@pytest.mark.parametrize("line", KEPT)
def test_real_text_is_kept(line):
    assert debris_rule(line) is None


def test_every_rule_name_is_tested():
    assert {name for name, _, _ in RULES} == set(DEBRIS)


def test_long_lines_are_never_debris():
    line = "Subscribe " + "word " * (MAX_DEBRIS_LINE // 5)
    assert debris_rule(line) is None


def test_clean_drops_debris_trailing_numbers_and_extra_blank_lines():
    text = ("Share on Facebook\n\nFirst paragraph ends here. 12\n\n\n\nSecond one « quoted ». 3\n"
            "```\n12\n```\nAdvertisement\n14\n")
    cleaned = clean(text)
    assert cleaned.text == ("First paragraph ends here.\n\nSecond one « quoted ».\n```\n12\n"
                            "```\n")
    assert [rule for rule, _ in cleaned.removed] == ["share", "ads", "stray-number"]
