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
        "Débloquez gratuitement la newsletter Matin Europe",
        "Votre guide quotidien de la politique européenne",
        "Your guide to the week in Brussels",
        "Jetzt den Newsletter abonnieren",
        "Kostenlos: der Newsletter für Außenpolitik",
        "Suscríbete a nuestro boletín diario",
        "Iscriviti alla newsletter del mattino",
    ],
    "credit": [
        "Additional reporting by Ana Ruiz in Madrid",
        "Reporting by Tom Hale; editing by Ian Ross",
        "Rapport supplémentaire de Claire Morel à Genève",
        "Avec la collaboration de Paul Vidal",
        "Zusätzliche Berichterstattung von Lena Vogt",
        "Mitarbeit: Jonas Berg",
        "Información adicional de Marta Gil",
        "Con información de Luis Mora",
        "Hanno collaborato Sara Conti e Marco Riva",
        "Con la collaborazione di Elena Fabbri",
    ],
    "paywall": [
        "Subscribe to continue reading", "Already a subscriber? Log in",
        "This article is reserved for subscribers.", "You have 2 free articles left this month",
        "Continue reading", "Start your free trial", "Cet article est réservé aux abonnés.",
        "Il vous reste 2 articles à lire.", "Pour lire la suite, abonnez-vous",
        "Abonnez-vous à partir de 1 € le premier mois", "Déjà abonné ? Connectez-vous",
        "Offre spéciale : 1 € le premier mois", "Se connecter",
        "Jetzt abonnieren und weiterlesen", "Bereits Abonnent? Anmelden", "Suscríbete",
        "¿Ya eres suscriptor? Inicia sesión", "Seguir leyendo", "Abbonati ora",
        "Sei già abbonato? Accedi", "Continua a leggere",
    ],
    "share": [
        "Share", "Share on Facebook", "- [Tweet](https://twitter.example/intent)",
        "Facebook | Twitter | LinkedIn | Email", "Share this article", "Copy link",
        "Partager", "Partager sur Facebook Partager sur X Copier le lien", "Imprimer",
        "Commentaires (12)", "Partager l'article", "Artikel teilen", "Link kopieren",
        "Kommentare (4)", "Compartir en Facebook", "Copiar enlace", "Condividi su WhatsApp",
        "Stampa", "Permalink",
    ],
    "read-more": [
        "Read more: What we know about the ceasefire", "Related articles", "See also",
        "Most read", "5 min read", "Lire aussi : Ukraine : ce que l'on sait",
        "À lire aussi", "Voir aussi", "Temps de lecture : 4 min.", "Les plus lus",
        "Sur le même sujet", "3 min de lecture", "Mehr zum Thema", "Lesen Sie auch: Nato",
        "Te puede interesar", "Noticias relacionadas", "Leggi anche", "Articoli correlati",
    ],
    "cookies": [
        "We use cookies to improve your experience.", "Accept all cookies", "Cookie settings",
        "Reject all", "Nous utilisons des cookies pour améliorer votre expérience.",
        "Tout accepter", "Continuer sans accepter", "Paramétrer les cookies",
        "Wir verwenden Cookies, um die Seite zu verbessern.", "Alle akzeptieren",
        "Utilizamos cookies propias y de terceros.", "Aceptar todo",
        "Utilizziamo i cookie per offrirti un servizio migliore.", "Accetta tutti",
    ],
    "ads": ["Advertisement", "Publicité", "Sponsored content", "Contenu sponsorisé", "Anzeige",
            "Publicidad", "Pubblicità"],
    "credits": ["© AFP", "Photo: Reuters", "Crédit photo : Ludovic Marin / AFP"],
    "breadcrumb": ["Accueil > International > Défense", "Home / World / Europe"],
    "dateline": ["Publié le 14 mai 2025 à 08h12", "Updated 3 hours ago",
                 "Mis à jour le 15 mai 2025", "Aktualisiert am 3. März 2025",
                 "Publicado el 4 de marzo de 2025", "Pubblicato il 5 marzo 2025"],
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
    "| Port | Country | Berths |",  # a table's row is content
    "| 12 | 3 |",
    "Die Regierung will den Newsletter der Behörde nicht kommentieren, sagte ein Sprecher.",
    "El ministro dijo que la información adicional llegaría el lunes por la mañana, sin más.",
    "Il governo ha collaborato con la Francia per tre anni su questo progetto comune.",
    "The report was written by a panel of former generals and published on Monday evening.",
    "Les rapports supplémentaires du renseignement n'ont pas été rendus publics, selon lui.",
    "Rapports supplémentaires du renseignement n'ont pas été rendus publics, selon lui, "
    "depuis que la guerre a commencé il y a trois ans.",
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


def test_a_comment_section_at_the_end_is_cut_with_what_follows():
    from briefbook.authoring.ingest.debris import cut_comments

    text = "Para one.\n\nPara two.\n\nPara three.\n\n## Comentar\n\n- Rules of the forum.\n"
    cut = cut_comments(text)
    assert cut.text == "Para one.\n\nPara two.\n\nPara three.\n"
    assert cut.removed == [("comments", "## Comentar"), ("comments", "- Rules of the forum.")]
    # in the first half it is a heading of the article, and stays
    early = "## Kommentare\n\nWhat the commentators said.\n\nMore.\n\nMore.\n"
    assert cut_comments(early).text == early
