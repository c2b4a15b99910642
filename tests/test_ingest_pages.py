"""``briefbook ingest`` on pages in the shapes sites produce, on pasted text, on a local web server
and on hostile input; and ``briefbook check`` agreeing with ``mkdocs build --strict``.

The pages under ``tests/fixtures/ingest/`` are made up for these tests (a WordPress post, a news
page with cookie banner, share bar, related articles and comments, a page whose metadata is only
in JSON-LD, a government page with deep navigation); ``seed-shaped-fr.txt`` has the shape of an
article pasted from a machine translation (newsletter line and tagline before the headline, a
credit line at the end), in words of its own.
"""

from __future__ import annotations

import datetime as dt
import http.server
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import pytest
from mkdocs.exceptions import Abort
from sitehttp import serve
from support import build_project, make_project, write_files

from briefbook import cli
from briefbook.authoring.ingest.article import InputFormat, annotate, read_article
from briefbook.authoring.ingest.limits import MAX_HTML_BYTES, MAX_NESTING
from briefbook.load.files import load_file
from briefbook.model.diagnostics import Location
from briefbook.model.dossier import Actor, ActorKind

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
TODAY = dt.date.today().isoformat()

ACTORS = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\naliases: [OTAN]\n---\n",
    "briefs/actors/georgia.md": "---\nname: Georgia\nkind: state\n---\n",
    "briefs/actors/hungary.md": "---\nname: Hungary\nkind: state\n---\n",
    "briefs/actors/viktor-orban.md": "---\nname: Viktor Orbán\nkind: person\n---\n",
    "briefs/actors/romania.md": "---\nname: Romania\nkind: state\n---\n",
    "briefs/actors/poland.md": "---\nname: Poland\nkind: state\naliases: [Pologne]\n---\n",
    "briefs/actors/italy.md": "---\nname: Italy\nkind: state\n---\n",
}


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def actor(ident: str, name: str) -> Actor:
    return Actor(id=ident, name=name, kind=ActorKind.STATE, location=Location("x"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with a few actors, as the current folder."""
    make_project(tmp_path, ACTORS, plugins="  - briefbook:\n      briefs_dir: briefs\n"
                                            "  - briefbook/actors")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def brief_of(project: Path, out: str):
    written = re.search(r"^wrote (\S+)$", out, re.MULTILINE)
    assert written, out
    return load_file(project / written.group(1), project / "briefs", project)


# -- the shapes of pages -------------------------------------------------------------------
def test_wordpress_post():
    article = read_article(page("wordpress-post.html"), InputFormat.AUTO)
    annotate(article, [actor("georgia", "Georgia"), actor("romania", "Romania")])
    assert article.title == "Why a Black Sea monitoring mission needs ports"
    assert (article.date, article.authors, article.publisher) == (
        "2024-09-12", ["Marta Kowalski"], "Harbour Notes")
    assert article.url == "https://harbournotes.example.net/2024/09/black-sea-monitoring-ports/"
    assert article.language == "en-GB"
    body = article.body
    # the relative link is read against the canonical address
    assert ("[an earlier post on this blog](https://harbournotes.example.net/2024/08/"
            "constanta-offer/)") in body
    assert "| Constanța | Romania | 4 |" in body  # the table, its header and rows
    assert "| Port | Country | Berths for frigates |" in body
    assert "- a dry dock for repairs that cannot wait;" in body
    assert "> A monitoring mission without harbours is a press release" in body
    assert body.startswith("Any mission that watches shipping")
    for furniture in ("Skip to content", "Harbour Notes", "Recent Posts", "Leave a Reply",
                      "Gregor Linde", "thoughts on", "Previous post", "Privacy Policy",
                      "Categorized", "Search"):
        assert furniture not in body, furniture
    # Georgia is named in the comments and the sidebar only
    assert dict(article.actors) == {"romania": 3}


def test_news_page_with_cookie_banner_share_bar_related_articles_and_comments():
    article = read_article(page("news-page.html"))
    annotate(article, [actor("hungary", "Hungary"), actor("italy", "Italy"),
                       actor("viktor-orban", "Viktor Orbán")])
    assert article.title == "Coalition ministers agree on a headquarters for the reassurance force"
    assert (article.date, article.authors, article.publisher) == (
        "2025-04-10", ["Priya Raman"], "The Daily Ledger")
    assert article.url.startswith("https://www.dailyledger.example.com/world/europe/2025/04/10/")
    body = article.body
    assert "## What remains open" in body
    assert "rules of engagement would come last" in body
    for furniture in ("cookies", "Accept all", "Share on", "Copy link", "Subscribe", "Related",
                      "Ceasefire talks resume", "More from World", "Comments", "Rolf Stenberg",
                      "newsletter", "Your email", "Skip to main", "© 2025", "Europe\n"):
        assert furniture not in body, furniture
    # named in the related articles and the comments only
    assert dict(article.actors) == {"italy": 1}
    # Ukraine is named twice in the article itself ("for Ukraine", "Ukraine's own forces")
    assert [c.name for c in article.candidates] == ["Paris", "Ukraine"]


def test_metadata_only_in_json_ld():
    article = read_article(page("jsonld-only.html"))
    assert article.title == "Estonia offers a battalion for the reassurance force"
    assert article.date == "2025-03-21"
    assert article.authors == ["Kadri Tamm", "Juhan Saar"]
    assert article.publisher == "Baltic Brief"
    assert "Front page" not in article.body and "Analysis" not in article.body
    assert article.body.startswith("Estonia's government said on Friday")


def test_government_page_with_deep_navigation_and_no_date(project, capsys):
    code, out, _ = run(capsys, "ingest", str(FIXTURES / "government-page.html"))
    assert code == 0, out
    assert "NO PUBLICATION DATE FOUND" in out and f"dated {TODAY}" in out
    assert "1 relative link(s) kept as text" in out
    raw = brief_of(project, out)
    assert raw.data["title"] == "Sicherheitsgarantien für die Ukraine"
    assert raw.data["date"] == TODAY and raw.data["date_unknown"] is True
    assert raw.data["source"]["retrieved"] == TODAY
    assert raw.data["source"]["language"] == "de"
    body = raw.body
    assert "Seite mit Fragen und Antworten ausführlicher" in body  # its link became text
    assert "](/themen" not in body and "briefbook ingest: 1 relative link(s)" in body
    assert "[gemeinsame Arbeitsprogramm](https://www.example.org/koalition)" in body
    for furniture in ("Unternavigationspunkte", "Hauptnavigation", "Startseite", "Direkt zum",
                      "Leichte Sprache", "Impressum", "Seite teilen", "Drucken", "Themen 1"):
        assert furniture not in body and furniture not in out, furniture
    # check lists the brief whose date is unknown, even without notes
    for options in ((), ("--no-notes",)):
        code, checked, _ = run(capsys, "check", "--strict", *options)
        assert code == 0, checked
        assert re.search(r"sicherheitsgarantien-fur-die-ukraine\.md:\d+:\d+: note: publication "
                         rf"date unknown: 'date' \({TODAY}\) is the day", checked), checked
        assert "1 brief with no known publication date (date_unknown)" in checked


def test_text_pasted_from_a_machine_translation(project, capsys):
    """The seed's shape: a newsletter line and its tagline before the headline, debris, a
    credit at the end."""
    code, out, _ = run(capsys, "ingest", str(FIXTURES / "seed-shaped-fr.txt"))
    assert code == 0, out
    raw = brief_of(project, out)
    assert raw.data["title"] == (
        "La Pologne pourrait fournir l’essentiel de la logistique d’une mission européenne de "
        "surveillance proposée pour garantir un cessez-le-feu en Ukraine")
    assert raw.data["source"]["credits"] == ["Rapport supplémentaire sur Tomasz Wójcik de "
                                             "Varsovie"]
    assert raw.data["source"]["language"] == "fr"
    assert raw.data["date_unknown"] is True
    assert raw.data["actors"] == ["poland"]
    body = raw.body
    for debris in ("newsletter", "Votre guide", "Rapport supplémentaire", "Wójcik"):
        assert debris not in body, debris
    assert body.startswith("La Pologne pourrait fournir")  # the long headline stays as text
    # one paragraph a line, as pasted
    assert "l’alliance.\n\nLe schéma n’est qu’une des pistes" in body
    assert "  credits: Rapport supplémentaire sur Tomasz Wójcik de Varsovie" in out


def test_bylines_and_credits_in_five_languages():
    for text, authors, credit in (
        ("A headline of the day\nBy Ann Lee and Bo Chan\nText here.\nAdditional reporting by "
         "Cy Dunn in Rome", ["Ann Lee", "Bo Chan"], "Additional reporting by Cy Dunn in Rome"),
        ("Un titre du jour ici\nPar Jeanne Roux\nTexte.\nAvec la collaboration de Paul Vidal",
         ["Jeanne Roux"], "Avec la collaboration de Paul Vidal"),
        ("Eine Überschrift des Tages\nVon Lena Vogt und Max Roth\nText.\nMitarbeit: Jonas Berg",
         ["Lena Vogt", "Max Roth"], "Mitarbeit: Jonas Berg"),
        ("Un titular del día aquí\nPor Marta Gil\nTexto.\nCon información de Luis Mora",
         ["Marta Gil"], "Con información de Luis Mora"),
        ("Un titolo del giorno qui\nDi Sara Conti e Marco Riva\nTesto.\nHa collaborato Elena "
         "Fabbri", ["Sara Conti", "Marco Riva"], "Ha collaborato Elena Fabbri"),
    ):
        article = read_article(text, InputFormat.TEXT)
        assert (article.authors, article.credits) == (authors, [credit]), text
        assert credit not in article.body


def test_candidates_are_names_not_interface_words():
    article = read_article(page("government-page.html"))
    annotate(article, [])
    names = {c.name for c in article.candidates}
    assert not names & {"Unternavigationspunkte", "Hauptnavigation", "Startseite", "Suche"}
    text = ("# Title of the piece\n\nShare. Permalink. Share. Permalink. Kommentare. Kommentare. "
            "Lena Vogt spoke. Lena Vogt left.")
    article = annotate(read_article(text, InputFormat.MARKDOWN), [])
    assert [c.name for c in article.candidates] == ["Lena Vogt"]


# -- a URL on a local server ---------------------------------------------------------------
class _Tricky(http.server.BaseHTTPRequestHandler):
    """Redirects to another scheme, in a loop, and a body larger than the size limit."""

    agents: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_530 + b"</p>"
            try:
                for _ in range(MAX_HTML_BYTES // len(chunk) + 20):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/gzip":
            import gzip
            body = gzip.compress(b"<p>" + b"a" * 2_000_000 + b"</p>")
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):  # one line every 0.1 s, 4 s in all: bounded
                    self.wfile.write(b"<p>x</p>\n")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/picture":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG")
        else:
            self.send_error(404)


@contextmanager
def tricky_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tricky)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_ingest_a_url_on_a_local_server(project, capsys, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    (site / "story").mkdir()
    (site / "story" / "index.html").write_text(page("news-page.html"), encoding="utf-8")
    with serve(site) as origin:
        # /story redirects to /story/ (a folder), which is followed
        code, out, err = run(capsys, "ingest", f"{origin}/story")
    assert code == 0, err
    assert f"fetched {origin}/story/" in out
    raw = brief_of(project, out)
    assert raw.data["title"] == ("Coalition ministers agree on a headquarters for the "
                                 "reassurance force")
    assert raw.data["date"] == "2025-04-10" and "date_unknown" not in raw.data
    assert raw.data["source"]["publisher"] == "The Daily Ledger"
    assert raw.data["source"]["url"].startswith("https://www.dailyledger.example.com/world/")


def test_fetching_stays_within_limits(project, capsys, monkeypatch):
    """Redirects, size, kind of content, compression the client did not ask for, and a server
    that trickles the page (an attacker review kept ingest waiting for minutes)."""
    from importlib.metadata import version

    from briefbook.authoring.ingest import fetch

    monkeypatch.setattr(fetch, "TOTAL_SECONDS", 0.5)

    with tricky_server() as origin:
        for path, message in (
            ("/to-file", "redirects to 'file:///etc/passwd', which is not an http(s) address"),
            ("/loop", "redirects more than 5 times"),
            ("/huge", f"over the {MAX_HTML_BYTES / 1e6:g} MB"),
            ("/picture", "is image/png, not a web page or text"),
            ("/gzip", "sent the page compressed (gzip)"),
            ("/trickle", "took more than 0.5 s to send the page"),
            ("/missing", "answered 404"),
        ):
            code, _, err = run(capsys, "ingest", f"{origin}{path}")
            assert code == 1 and message in err and "Traceback" not in err, (path, err)
            assert not (project / "briefs" / TODAY[:4]).exists()
    assert _Tricky.agents and all(a.startswith(f"Briefbook/{version('briefbook')}")
                                  for a in _Tricky.agents)


# -- hostile or huge input -----------------------------------------------------------------
def test_deeply_nested_page_is_refused_with_a_clear_message(project, capsys, tmp_path):
    hostile = tmp_path / "nested.html"
    hostile.write_text("<html><body>" + "<div>" * 100_000 + "text" + "</div>" * 100_000
                       + "</body></html>", encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(hostile))
    assert code == 1
    assert f"nests its elements more than {MAX_NESTING} deep" in err
    assert "Traceback" not in err and "RecursionError" not in err


def test_huge_page_is_refused_without_reading_it_whole(project, capsys, tmp_path):
    huge = tmp_path / "huge.html"
    with huge.open("w", encoding="utf-8") as handle:
        handle.write("<html><body>")
        paragraph = "<p>" + "words and more words " * 50 + "</p>\n"
        while handle.tell() < 53_000_000:
            handle.write(paragraph * 100)
    code, _, err = run(capsys, "ingest", str(huge))
    assert code == 1 and "the web page is 53.0 MB, over the 5 MB an article can take" in err, err
    code, _, err = run(capsys, "ingest", str(huge), "--format", "text")
    assert code == 1 and "MB" in err


# -- check agrees with the strict build ----------------------------------------------------
def _strict_build_fails(project: Path) -> bool:
    try:
        build_project(project, strict=True)
    except Abort:
        return True
    return False


def test_check_and_the_strict_build_agree_on_ingested_briefs(project, capsys):
    for name in ("wordpress-post.html", "news-page.html", "jsonld-only.html",
                 "government-page.html", "seed-shaped-fr.txt", "otan-fr-scraped.txt",
                 "article-en.html"):
        code, out, err = run(capsys, "ingest", str(FIXTURES / name))
        assert code == 0, (name, err)
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 0, out
    assert not _strict_build_fails(project)

    # a brief with links the site cannot follow: both refuse it, check says where
    write_files(project, {"briefs/2025/linked.md": """
        ---
        title: Linked
        date: "2025-05-02"
        ---
        See [the other brief](otan-pret.md) and [a picture](pic.png).

        ## Part one

        Back to [part one](#part-one), or [nowhere](#part-two), or [the site](/world/story).
    """})
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 1
    problems = [line for line in out.splitlines() if ": warning: " in line]
    assert [line.split(": warning: ")[0] for line in problems] == [
        "briefs/2025/linked.md:5:23", "briefs/2025/linked.md:5:53",
        "briefs/2025/linked.md:9:45", "briefs/2025/linked.md:9:71"], out
    assert "link 'otan-pret.md' points to a file: `mkdocs build --strict` refuses it" in out
    assert "no heading of this text has the id 'part-two' (its headings' ids: part-one)" in out
    assert "link '/world/story' is an absolute path" in out
    assert _strict_build_fails(project)


def test_pasted_text_is_dated_by_its_publication_stamp_never_by_an_update():
    for stamp, date in (
        ("Published on March 4, 2025", "2025-03-04"),
        ("Publié le 14 mai 2025 à 08h12", "2025-05-14"),
        ("Veröffentlicht am 3. März 2025", "2025-03-03"),
        ("Publicado el 4 de marzo de 2025", "2025-03-04"),
        ("Pubblicato il 5 marzo 2025", "2025-03-05"),
        ("Published 2025-02-28", "2025-02-28"),
        ("Updated on March 4, 2025", ""),
        ("Mis à jour le 15 mai 2025", ""),
        ("Published 31 February 2025", ""),
    ):
        article = read_article(f"A headline for this test\n{stamp}\nThe text.", InputFormat.TEXT)
        assert article.date == date, stamp
        assert stamp not in article.body


def test_page_with_more_text_than_an_article_is_refused(project, capsys, tmp_path):
    wall = tmp_path / "wall.html"
    paragraph = "<p>" + "The ministers met again and agreed on nothing at all. " * 20 + "</p>\n"
    wall.write_text("<html><body><article>" + paragraph * 500 + "</article></body></html>",
                    encoding="utf-8")
    assert wall.stat().st_size < MAX_HTML_BYTES
    code, _, err = run(capsys, "ingest", str(wall))
    assert code == 1 and "characters of text, more than an article holds" in err, err


def test_check_and_the_strict_build_agree_on_actor_and_topic_texts(tmp_path, monkeypatch, capsys):
    files = {
        "briefs/2025/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nText.\n",
        "briefs/topics/force.md": "---\ntitle: Force\n---\nSee [A](../briefs/a.md) and "
                                  "[NATO](../actors/nato.md).\n",
        "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\nSee [A](../briefs/a.md)"
                                 " and [the force](../topics/force.md).\n",
    }
    project = make_project(tmp_path, files, plugins="  - briefbook:\n      briefs_dir: briefs\n"
                                                    "  - briefbook/actors")
    monkeypatch.chdir(project)
    assert run(capsys, "check", "--strict")[0] == 0
    assert not _strict_build_fails(project)
    write_files(project, {"briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n"
                                                   "See [B](../briefs/b.md).\n"})
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 1
    assert ("briefs/actors/nato.md:5:9: warning: link '../briefs/b.md' leads to 'briefs/b.md', "
            "which is no page of the dossier's site") in out
    assert _strict_build_fails(project)


SMALL_PAGE = """<html><head><meta property="article:published_time"
content="2026-01-05T10:00:00Z"><title>Test page</title></head>
<body><article><h1>Ministers agree on a naval mission</h1>
<p>Ministers from five countries agreed on Monday to send a naval mission to the strait,
officials said after the meeting in the capital.</p>
<p>The mission will start in the spring and will be reviewed after six months, according to
the text of the agreement seen by reporters.</p>
<p>Several governments still have to win a vote in parliament before their ships can join.</p>
<p>Colour code REFERENCE here.</p>
</article></body></html>"""


@pytest.mark.parametrize("reference", ["&#x1b;", "&#1;", "&#xFFFE;", "\x1b"])
def test_a_character_xml_cannot_hold_does_not_empty_the_article(reference):
    """One '&#x1b;' in a page made lxml drop the whole article, title and date with it, in
    silence (an attacker review); such characters become spaces and the article stays."""
    article = read_article(SMALL_PAGE.replace("REFERENCE", reference), InputFormat.AUTO)
    assert (article.title, article.date) == ("Ministers agree on a naval mission", "2026-01-05")
    assert "Colour code" in article.body and "vote in parliament" in article.body
    assert "\x1b" not in article.body and "\x01" not in article.body
