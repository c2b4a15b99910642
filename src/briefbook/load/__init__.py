"""Stage 1, load: find a dossier's files, read them, and parse their front-matter with the
file:line:col of every value (``RawFile``). Knows nothing of what the values mean."""
