"""Stage 2, validate: raw values → the typed model (``Dossier``) plus diagnostics, never raising.
Also corroboration of claims that share an id, and the dossier as it stood on a day."""
