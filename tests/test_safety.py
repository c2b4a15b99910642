"""Ids are slugs, so that no id (file name, ``slug:``, reference, question id) leaves its folder;
only http(s) and relative URLs reach a page."""

import pytest

from briefbook.model.values import (
    is_safe_url,
    is_slug,
    is_web_address,
    is_wikidata_id,
    slugify,
    web_address_hint,
)


@pytest.mark.parametrize("value", [
    "..", ".", "../x", "x/..", "a/b", "/etc/passwd", "a\\b", "..\\x", "%2e%2e", "x%2fy", "",
    "-x", "x-", "a--b", "Nato", "nаto",  # the second 'а' is Cyrillic
    "x.md", "a b", "a\x00b", "a" * 121, "~x", "index.html",
])
def test_unsafe_ids_are_not_slugs(value):
    assert not is_slug(value)


@pytest.mark.parametrize("value", ["nato", "un-security-council", "2025", "a1-b2", "a" * 120])
def test_slugs(value):
    assert is_slug(value)


@pytest.mark.parametrize("text", ["../../etc/passwd", "..", "/", "Ça va?", "\x00", "a/../b"])
def test_slugify_always_gives_a_slug(text):
    assert is_slug(slugify(text))


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:x",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
    "\\\\evil\\share", "https://", "http:evil",
    "//evil.example/x", " //evil.example/x", "/\\evil.example/x", "\\/evil.example",
])
def test_unsafe_urls(url):
    assert not is_safe_url(url)


@pytest.mark.parametrize("url", [
    "https://example.org/a?b=1&c=2", "http://example.org", "../briefs/x/", "page.html#a",
])
def test_safe_urls(url):
    assert is_safe_url(url)


@pytest.mark.parametrize(("url", "hint"), [
    ("www.lemonde.fr/article", "write it in full: 'https://www.lemonde.fr/article'"),
    ("lemonde.fr", "write it in full: 'https://lemonde.fr'"),
    ("/relative", None), ("../briefs/x/", None), ("notes/page.html#a", None),
    ("javascript:alert(1)", None), ("https:///no-host", None), ("https://user@/x", None),
    ("https://a b.example/", None), ("mailto:desk@example.org", None),
])
def test_a_source_address_must_be_absolute_http_with_a_host(url, hint):
    assert not is_web_address(url)
    assert web_address_hint(url) == (
        hint or "give the full address of the source, starting with https:// or http://")


@pytest.mark.parametrize("url", [
    "https://www.lemonde.fr/article", "HTTP://example.org", "https://example.org/a b?c=<1>",
    "http://[::1]:8000/x",
])
def test_web_addresses(url):
    assert is_web_address(url)


@pytest.mark.parametrize(("value", "ok"), [
    ("Q7184", True), ("Q1", True), ("q7184", False), ("7184", False), ("Q7184/../x", False),
    ("../../w/index.php", False), ("Q", False), ("Q7184\n", False),
])
def test_wikidata_ids(value, ok):
    assert is_wikidata_id(value) is ok
