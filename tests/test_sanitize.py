"""Sanitizing raw HTML in brief bodies: the pure function, and where the plugin applies it."""

from __future__ import annotations

import pytest
from payloads import script_injections
from support import build_project, make_project

from briefbook.render.sanitize import sanitize_html

MARKDOWN_OUTPUT = (
    '<h2 id="what-happened">What happened<a class="headerlink" href="#what-happened" '
    'title="Permanent link">&para;</a></h2>\n'
    '<p>Text with <em>emphasis</em>, <code>code</code>, a <a href="https://example.org/a">link'
    '</a>, a <a href="../other/">relative link</a> and <img alt="map" src="img/map.png" />.</p>\n'
    '<table>\n<thead>\n<tr>\n<th style="text-align: left;">Actor</th>\n</tr>\n</thead>\n'
    '<tbody>\n<tr>\n<td style="text-align: left;">NATO</td>\n</tr>\n</tbody>\n</table>\n'
    '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p>Careful.</p>\n'
    '</div>\n<pre><code class="language-python">x = 1 &lt; 2\n</code></pre>\n'
    '<blockquote>\n<p>Quoted.</p>\n</blockquote>'
)


def test_markdown_output_survives_sanitizing():
    clean = sanitize_html(MARKDOWN_OUTPUT)
    for kept in ('<h2 id="what-happened">', 'class="headerlink" href="#what-happened"',
                 "<em>emphasis</em>", "<code>code</code>", 'href="https://example.org/a"',
                 'href="../other/"', 'src="img/map.png"', 'alt="map"',
                 '<th style="text-align:left">Actor</th>', '<div class="admonition note">',
                 '<code class="language-python">x = 1 &lt; 2', "<blockquote>"):
        assert kept in clean


@pytest.mark.parametrize(("dirty", "gone"), [
    ("<script>alert(1)</script><p>x</p>", "alert"),
    ("<style>body{display:none}</style><p>x</p>", "display"),
    ('<p onclick="alert(1)">x</p>', "onclick"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "javascript"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data:"),
    ('<iframe src="https://example.org"></iframe>', "iframe"),
    ('<form action="https://example.org"><input name="pw"></form>', "input"),
    ('<svg><script>alert(1)</script></svg>', "alert"),
    ('<object data="x.swf"></object>', "object"),
    ('<p style="background:url(javascript:alert(1))">x</p>', "javascript"),
    ("<!-- <script>alert(1)</script> -->", "alert"),
    ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "refresh"),
    ('<base href="https://evil.example/">', "base"),
])
def test_script_and_its_carriers_are_dropped(dirty, gone):
    clean = sanitize_html(dirty)
    assert gone not in clean.lower()
    assert script_injections(clean.replace("alert(", "window.__xss=(")) == []


DOSSIER = {
    "briefs/actors/nato.md": "---\nname: NATO\nkind: organisation\n---\n",
    "briefs/topics/force.md": "---\ntitle: Force\n---\n",
}
BODY = ("## Heading\n\nText <img src=x onerror=\"window.__xss='x'\"> and "
        "<script>window.__xss='y'</script>.\n")


def _brief(extra: str = "", body: str = BODY) -> str:
    return f"---\ntitle: B\ndate: '2025'\n{extra}---\n{body}"


def _build(tmp_path, files, option=None):
    plugins = "  - briefbook" if option is None else \
        f"  - briefbook:\n      sanitize: {str(option).lower()}"
    return build_project(make_project(tmp_path, {**DOSSIER, **files}, plugins=plugins))


def test_bodies_are_trusted_by_default(tmp_path):
    html = _build(tmp_path, {"briefs/a.md": _brief()}).html("briefs/a/")
    assert script_injections(html)  # the analyst's own HTML is kept as written


def test_front_matter_sanitize_true(tmp_path):
    html = _build(tmp_path, {"briefs/a.md": _brief("sanitize: true\n")}).html("briefs/a/")
    assert script_injections(html) == []
    assert '<h2 id="heading">' in html and "Text " in html


def test_plugin_option_sanitizes_every_brief_and_no_brief_can_opt_out(tmp_path):
    """A contributor's 'sanitize: false' cannot turn off the site's rule for their brief (an
    attacker review ran script that way, on the brief and in the book); it is warned."""
    site = _build(tmp_path, {
        "briefs/a.md": _brief(),
        "briefs/b.md": _brief("sanitize: false\n"),
    }, option=True)
    assert script_injections(site.html("briefs/a/")) == []
    assert script_injections(site.html("briefs/b/")) == []
    assert script_injections(site.html("print/")) == []
    assert any("briefs/b.md:1:1: warning: 'sanitize: false' is ignored" in w
               for w in site.warnings), site.warnings


def test_plugin_option_sanitizes_actor_and_topic_bodies_too(tmp_path):
    files = {
        "briefs/actors/nato.md": f"---\nname: NATO\nkind: organisation\n---\n{BODY}",
        "briefs/topics/force.md": f"---\ntitle: Force\n---\n{BODY}",
        "briefs/a.md": _brief("actors: [nato]\ntopics: [force]\n"),
    }
    plugins = "  - briefbook:\n      sanitize: true\n  - briefbook/actors"
    site = build_project(make_project(tmp_path, files, plugins=plugins))
    for page in ("actors/nato/", "topics/force/"):
        html = site.html(page)
        assert script_injections(html) == [], page
        assert '<h2 id="heading">' in html and "Text " in html, page
    assert '<header class="bb-actor-header">' in site.html("actors/nato/")  # panels untouched
    plugins = "  - briefbook\n  - briefbook/actors"
    site = build_project(make_project(tmp_path / "trusted", files, plugins=plugins))
    assert script_injections(site.html("actors/nato/"))  # without the option, kept as written
    assert script_injections(site.html("topics/force/"))


def test_only_the_body_is_sanitized(tmp_path):
    """Briefbook's own panels after the body keep their markup (classes, links, sections)."""
    html = _build(tmp_path, {"briefs/a.md": _brief(
        "sanitize: true\nactors: [nato]\npositions:\n"
        "  - {actor: nato, topic: force, stance: supports, summary: S}\n")}).html("briefs/a/")
    assert '<header class="bb-brief-header">' in html
    assert 'class="bb-position"' in html and 'class="bb-stance bb-stance--supports"' in html
    assert "<!--bb:" not in html


def test_unclosed_html_in_a_sanitized_body_cannot_swallow_the_page(tmp_path):
    html = _build(tmp_path, {"briefs/a.md": _brief(
        "sanitize: true\npositions:\n"
        "  - {actor: nato, topic: force, stance: opposes, summary: Against}\n",
        body="<div><span onclick=\"window.__xss='z'\">open\n\n<script>window.__xss='w'\n"),
    }).html("briefs/a/")
    assert script_injections(html) == []
    assert 'class="bb-position"' in html and "Against" in html
    assert "<!--bb:" not in html
