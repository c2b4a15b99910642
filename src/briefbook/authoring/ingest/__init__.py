"""``briefbook ingest``: turn an article (HTML page, Markdown or pasted text) into a brief."""
