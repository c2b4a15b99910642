"""Checks of the dossier against the site's own options (what the plugins are told)."""

from __future__ import annotations

from briefbook.model.diagnostics import Diagnostic, Severity
from briefbook.model.dossier import Dossier


def sanitize_opt_outs(dossier: Dossier, site_sanitizes: bool) -> list[Diagnostic]:
    """A warning for each brief that says ``sanitize: false`` on a site that sanitizes every
    brief: the site's rule wins (a contributor cannot turn it off for their own text), and the
    brief's word is not ignored in silence."""
    if not site_sanitizes:
        return []
    return [
        Diagnostic(
            brief.location, Severity.WARNING,
            "'sanitize: false' is ignored: this site sanitizes every brief (the briefbook "
            "plugin's 'sanitize: true' in mkdocs.yml); remove the line",
            "sanitize-ignored",
        )
        for brief in dossier.briefs.values() if brief.sanitize is False
    ]
