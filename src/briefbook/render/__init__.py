"""Stage 5, render: the autoescaped Jinja environment, markup helpers (chips, labels), sanitizing
of brief bodies, and the Python-Markdown extension that links actor mentions."""
