"""axe-core in a real browser: no serious or critical violation on any page kind of any example,
in Material's light and dark (slate) schemes.

Inside the page's content (``.md-content``, where Briefbook and the analyst write) nothing is
allowed, except a rule that the plain Markdown page of the same build also breaks in its content
(the site's own palette, e.g. link colours without enough contrast). The theme's chrome (header
tabs, search dialog) is Material's: a violation there is allowed only when a plain page of the
same build has it too.
"""

from collections.abc import Iterator

import pytest
from checkers_support import BLOCKING_IMPACTS, axe_violations, record_figures
from sitehttp import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def checked_origin(checked_site) -> Iterator[str]:
    with serve(checked_site.site) as origin:
        yield origin


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(checked_site, checked_origin, browser, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    results = {}
    try:
        for kind, url in checked_site.kinds.items():
            page.goto(f"{checked_origin}/{url}", wait_until="load")
            results[kind] = [v for v in axe_violations(page, dark=scheme == "dark")
                             if v["impact"] in BLOCKING_IMPACTS]
    finally:
        context.close()
    material = {v["id"] for kind, found in results.items() if kind.startswith("plain")
                for v in found if v["chrome"]}
    # a rule a plain page breaks in its content comes from the site's palette (an example's
    # own theme colours), not from Briefbook's markup
    palette = {v["id"] for kind, found in results.items() if kind.startswith("plain")
               for v in found if v["content"]}
    failures, counts = [], {}
    for kind, found in results.items():
        url = checked_site.kinds[kind] or "/"
        content = [(v, v["content"]) for v in found if v["content"] and v["id"] not in palette]
        chrome = [(v, v["chrome"]) for v in found if v["chrome"] and v["id"] not in material]
        counts[kind] = {"content": sum(len(n) for _, n in content),
                        "chrome_beyond_material": sum(len(n) for _, n in chrome),
                        "material_chrome_rules": sorted({v["id"] for v in found} & material)}
        failures += [f"{kind} ({url}): {v['impact']} {v['id']} — {v['help']} "
                     f"({len(nodes)}×: {', '.join(nodes[:5])})" for v, nodes in content + chrome]
    record_figures(checked_site.name, f"axe-{scheme}", {
        "pages_checked": len(results),
        "serious_or_critical_in_content": sum(c["content"] for c in counts.values()),
        "serious_or_critical_in_chrome_beyond_material":
            sum(c["chrome_beyond_material"] for c in counts.values()),
        "material_chrome_rules": sorted(material),
        "palette_content_rules": sorted(palette),
        "by_kind": counts,
    })
    assert not failures, "\n".join(failures)
