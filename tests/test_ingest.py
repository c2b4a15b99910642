"""From raw article to brief content: format, title, headings, byline, HTML sanitizing."""

from briefbook.authoring.ingest.article import (
    InputFormat,
    annotate,
    demote_headings,
    guess_format,
    read_article,
    split_title,
    text_to_markdown,
)
from briefbook.authoring.ingest.html_page import html_to_markdown, sanitize
from briefbook.authoring.ingest.language import detect_language
from briefbook.model.diagnostics import Location
from briefbook.model.dossier import Actor, ActorKind


def test_format_from_name_then_content():
    assert guess_format("x", "a.HTML") is InputFormat.HTML
    assert guess_format("<p>x</p>", "a.txt") is InputFormat.TEXT
    assert guess_format("<!DOCTYPE html><p>x</p>") is InputFormat.HTML
    assert guess_format("# Title\n\ntext") is InputFormat.MARKDOWN
    assert guess_format("Just a line\nand another") is InputFormat.TEXT


def test_plain_text_lines_become_paragraphs_and_markup_is_escaped():
    assert text_to_markdown("One.\nTwo.\n# not a heading\n> nor a quote") == (
        "One.\n\nTwo.\n\n\\# not a heading\n\n\\> nor a quote")
    wrapped = "A paragraph\nwrapped over lines.\n\nAnother\none."
    assert text_to_markdown(wrapped) == wrapped


def test_title_from_first_heading_else_first_meaningful_line():
    assert split_title("Kicker\n\n# The title\n\nText.") == ("The title", "Kicker\n\n\nText.", True)
    assert split_title("Title\n=====\nText.") == ("Title", "Text.", True)
    assert split_title("Short\n\nThe first real line\n\nText.")[:2] == (
        "The first real line", "Short\n\n\nText.")
    long = "This first sentence is the gist. " + "More words follow here. " * 10
    title, body, heading = split_title(long)
    assert title == "This first sentence is the gist"
    assert body == long and heading is False


def test_headings_demoted_below_the_page_title():
    assert demote_headings("# A\n## B\n```\n# code\n```") == "## A\n### B\n```\n# code\n```"
    assert demote_headings("## A\n### B") == "## A\n### B"


def test_given_title_keeps_the_first_line_unless_it_was_a_heading():
    text = "First line of the article here.\nSecond line."
    article = read_article(text, InputFormat.TEXT, title="Given")
    assert article.title == "Given"
    assert article.body.startswith("First line of the article here.")
    article = read_article("# Headline\n\nBody text.", InputFormat.MARKDOWN, title="Given")
    assert (article.title, article.body) == ("Given", "Body text.\n")


def test_byline_goes_to_authors():
    article = read_article("Headline of the day\nBy Jane Doe and John Smith\nBody text here.",
                           InputFormat.TEXT)
    assert article.authors == ["Jane Doe", "John Smith"]
    assert "By Jane" not in article.body
    article = read_article("Titre du jour ici\nPar la rédaction du journal, avec AFP\nTexte.",
                           InputFormat.TEXT)
    assert article.authors == []


def test_html_is_sanitized_before_conversion():
    html = ('<p onclick="x()">Hi <a href="javascript:alert(1)">a</a> <a href="/rel">b</a> '
            '<a href="https://ok.example/">c</a> <a href="data:text/html,x">d</a> '
            '<a href="http://[broken">e</a></p>'
            '<script>alert(1)</script><style>p{}</style><img src="https://t.example/p.gif">'
            '<form><input name="q"><button>Go</button></form><svg><script>1</script></svg>')
    clean = sanitize(html)
    for bad in ("onclick", "javascript", "script", "style", "img", "data:", "<form", "Go"):
        assert bad not in clean, bad
    # a relative link cannot be followed from the dossier site: its text stays, unlinked
    assert html_to_markdown(html) == "Hi a b [c](https://ok.example/) d e\n"


def test_language_detection_is_deterministic_and_modest():
    french = ("Les ministres de la Défense de la coalition se sont réunis au siège de l'OTAN "
              "pour discuter de la future force.")
    assert {detect_language(french) for _ in range(3)} == {"fr"}
    assert detect_language("NATO.") is None


def test_annotate_counts_actors_but_not_in_link_targets():
    nato = Actor(id="nato", name="NATO", kind=ActorKind.ORGANISATION, location=Location("x"),
                 aliases=("OTAN",))
    article = read_article("# Titre\n\nL'OTAN, selon [ce lien](https://ex.org/nato/otan).",
                           InputFormat.MARKDOWN)
    annotate(article, [nato], language="fr")
    assert article.actors == {"nato": 1}
    assert (article.language, article.language_detected) == ("fr", False)


def test_a_markdown_file_s_front_matter_is_left_out_and_its_title_used():
    text = ("---\ntitle: 'Summit in Paris'\ndate: 2025-04-01\nlayout: post\n---\n"
            "The leaders met in Paris.\n")
    article = read_article(text, filename="post.md")
    assert (article.title, article.body.strip()) == ("Summit in Paris", "The leaders met in Paris.")
    assert article.front_matter == ["title", "date", "layout"]
    given = read_article(text, filename="post.md", title="Given")
    assert given.title == "Given" and "layout" not in given.body
    # a rule that is not front-matter, or a block that is not a mapping, stays in the text
    for kept in ("---\n\nText after a rule.\n", "---\n- a\n- b\n---\nText.\n",
                 "---\n: [broken\n---\nText.\n"):
        article = read_article(kept, filename="note.md", title="T")
        assert article.front_matter == [] and "Text" in article.body, kept
