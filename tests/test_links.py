"""Link integrity of the built example, and of the link checker itself."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from linkcheck import check_site
from support import ROOT, SUBPATH_SITE_URL, write_files

#: Hosts the site links to on its own: Material's "Made with" footer, actors' Wikidata ids.
OWN_LINK_HOSTS = {"squidfunk.github.io", "www.wikidata.org"}


def _authored_hosts() -> set[str]:
    """Hosts of the URLs that the example's authors wrote, in the dossier or in ``docs/``."""
    files = [*(ROOT / "briefs").rglob("*.md"), *(ROOT / "docs").rglob("*.md")]
    urls = (re.findall(r"https?://[^\s\"'<>)\]]+", p.read_text(encoding="utf-8"))
            for p in files)
    return {urlsplit(url).netloc for found in urls for url in found}


def test_every_internal_link_anchor_and_asset_of_the_example_resolves(example_site):
    report = check_site(example_site.site)
    assert report.broken == [], report.describe()
    assert report.unsafe == []
    assert report.pages >= 9
    assert report.checked > 100


def test_the_example_loads_nothing_from_other_hosts(example_site, subpath_site):
    for site, site_url in ((example_site, ""), (subpath_site, SUBPATH_SITE_URL)):
        report = check_site(site.site, site_url)
        assert report.external_resources == [], report.describe()
        hosts = {urlsplit(url).netloc for url in report.external_links}
        assert hosts <= OWN_LINK_HOSTS | _authored_hosts(), sorted(report.external_links)


def test_every_link_resolves_in_the_sub_path_build(subpath_site):
    report = check_site(subpath_site.site, site_url=SUBPATH_SITE_URL)
    assert report.broken == [], report.describe()
    assert report.checked > 100


PAGE = "<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def _site(tmp_path, pages: dict[str, str]):
    write_files(tmp_path, {path: PAGE.format(head="", body=body) for path, body in pages.items()})
    (tmp_path / "assets").mkdir(exist_ok=True)
    (tmp_path / "assets/site.css").write_text("body{}")
    return tmp_path


def test_checker_accepts_good_links(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<h1 id="top">Home</h1><a href="a/">A</a><a href="a/#x">A x</a>'
                      '<a href="#top">top</a><a href="a/?actor=nato">filtered</a>'
                      '<link rel="stylesheet" href="assets/site.css"><a href="mailto:x@y.z">m</a>',
        "a/index.html": '<p id="x">x</p><a href="../">home</a><a href="../b/c.html#y">c</a>'
                        '<a href="/dossier/a/">self</a><img src="../assets/site.css">'
                        '<a href="https://example.org/dossier/#top">absolute</a>',
        "b/c.html": '<a name="y"></a><a href="https://elsewhere.org/">out</a>',
    })
    report = check_site(site, site_url="https://example.org/dossier/")
    assert report.broken == [], report.describe()
    assert report.checked == 10
    assert report.external_links == {"https://elsewhere.org/"}
    assert report.external_resources == []


def test_checker_reports_each_broken_link_with_its_page_and_reason(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="missing/">gone</a><a href="a/#nope">bad anchor</a>'
                      '<a href="#nowhere">bad local anchor</a><a href="../../up/">above</a>'
                      '<a href="/elsewhere/x/">outside the sub-path</a>'
                      '<script src="https://cdn.example.com/x.js"></script>'
                      '<link rel="stylesheet" href="//fonts.example.com/f.css">'
                      '<a href="javascript:alert(1)">js</a>',
        "a/index.html": '<img src="missing.png">',
    })
    report = check_site(site, site_url="https://example.org/dossier/")
    assert [str(b) for b in report.broken] == [
        "a/index.html: <img src=\"missing.png\">: no file for 'a/missing.png' in the site",
        "index.html: <a href=\"missing/\">: no file for 'missing/' in the site",
        "index.html: <a href=\"a/#nope\">: no id 'nope' in a/index.html",
        "index.html: <a href=\"#nowhere\">: no id 'nowhere' in index.html",
        "index.html: <a href=\"../../up/\">: goes above the site's root",
        "index.html: <a href=\"/elsewhere/x/\">: outside the site's path /dossier/",
    ]
    assert [r.url for r in report.external_resources] == [
        "https://cdn.example.com/x.js", "//fonts.example.com/f.css",
    ]
    assert [r.url for r in report.unsafe] == ["javascript:alert(1)"]


def test_checker_limited_to_some_pages_reports_only_theirs(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>'
                      '<a href="https://example.org/">external</a>'
                      '<a href="b/">missing</a><a href="a/#nowhere">bad anchor</a>'
                      '<a href="../x/">out</a>',
        "a/index.html": '<h2 id="here">x</h2><a href="gone/">not checked</a>',
    })
    report = check_site(site, pages=[""])
    assert report.pages == 1
    assert [str(b) for b in report.broken] == [
        "index.html: <a href=\"b/\">: no file for 'b/' in the site",
        "index.html: <a href=\"a/#nowhere\">: no id 'nowhere' in a/index.html",
        "index.html: <a href=\"../x/\">: goes above the site's root",
    ]
    assert [str(b) for b in check_site(site, pages=["a/"]).broken] == [
        "a/index.html: <a href=\"gone/\">: no file for 'a/gone/' in the site",
    ]
    with pytest.raises(FileNotFoundError):
        check_site(site, pages=["b/"])
