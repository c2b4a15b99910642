"""Every page of every example passes the Nu HTML Checker as well as a plain Material page.

The baseline is computed, not written down: the errors of the two plain Markdown pages added to
the build (one in the navigation, one out of it, as Briefbook's item pages are) are Material's,
and are allowed elsewhere as often as a plain page has them. Anything else is Briefbook's.
"""

from collections import Counter

from checkers_support import beyond_baseline, record_figures, run_vnu

CANARY = ('<!DOCTYPE html><html lang="en"><head><title>canary</title></head><body>'
          '<span aria-label="a name for nothing">x</span><p id="twice"></p><p id="twice"></p>'
          '</body></html>')


def test_nu_checker_finds_no_error_beyond_a_plain_material_page(checked_site, tmp_path):
    pages = checked_site.pages()
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    errors = run_vnu([*pages, canary], checked_site.site)
    # the checker is really running: it finds the faults planted in the canary page
    planted = [e.message for e in errors if e.page.endswith("canary.html")]
    assert any("aria-label" in m for m in planted) and any("Duplicate ID" in m for m in planted)
    errors = [e for e in errors if not e.page.endswith("canary.html")]

    baseline = {url for kind, url in checked_site.kinds.items() if kind.startswith("plain")}
    assert len(baseline) == 2, checked_site.kinds
    extra = beyond_baseline(errors, baseline)
    baseline_kinds = Counter(e.message for e in errors if e.page in baseline)
    record_figures(checked_site.name, "html", {
        "pages_checked": len(pages),
        "errors_total": len(errors),
        "material_error_kinds": sorted(baseline_kinds),
        "errors_beyond_material": len(extra),
    })
    assert not extra, f"{len(extra)} errors beyond plain Material's:\n" + "\n".join(
        map(str, extra[:40]))
