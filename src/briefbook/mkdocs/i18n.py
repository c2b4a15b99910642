"""Briefbook's generated files beside mkdocs-static-i18n, which builds the site once per language.

That plugin (``i18n``) rebuilds the file list at priority -100 from files it can re-read from
``docs_dir``: a file generated in memory has no ``abs_src_path``, which it cannot handle
(``TypeError ... NoneType``), and generated pages outside ``docs_dir`` it would drop. So the
generated files are taken out of the list just before it runs and put back just after, under the
language's folder (``fr/briefs/...``) in the build of a language other than the default one:
each language's site then holds the whole dossier, with Briefbook's labels in that language.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

I18N_MODULE = "mkdocs_static_i18n"
BEFORE_I18N, AFTER_I18N = -99, -101  # the i18n plugin's on_files runs at -100


def i18n_plugin(config: MkDocsConfig) -> object | None:
    """The configured mkdocs-static-i18n plugin, if any."""
    found: object
    for found in config.plugins.values():
        if type(found).__module__.split(".")[0] == I18N_MODULE:
            return found
    return None


def language_folder(plugin: object) -> str:
    """``fr/`` while the i18n plugin builds a language other than its default, else ``""``."""
    current = getattr(plugin, "current_language", None)
    default = getattr(plugin, "default_language", None)
    return f"{current}/" if current and default and current != default else ""


def is_generated_by_briefbook(file: File) -> bool:
    by = file.generated_by or ""
    return by == "briefbook" or by.startswith("briefbook/")


def take_out(files: Files) -> list[File]:
    """Remove Briefbook's generated files from ``files``; returns them, in order."""
    taken = [f for f in files if is_generated_by_briefbook(f)]
    for file in taken:
        files.remove(file)
    return taken


def put_back(files: Files, taken: list[File], folder: str) -> None:
    """Append ``taken`` to ``files`` again, published below ``folder`` when it is not empty."""
    for file in taken:
        if folder:
            file.dest_uri = folder + file.dest_uri
            for cached in ("url", "abs_dest_path"):  # computed from dest_uri, once
                file.__dict__.pop(cached, None)
        files.append(file)
