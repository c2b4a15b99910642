"""Tools for the analyst, beside the build: ``check``, ``new``, ``ingest``, ``schema`` and locating
a dossier from ``mkdocs.yml``. The command line (``briefbook.cli``) is a thin layer over them."""
