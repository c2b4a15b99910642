"""Views: pure functions from the dossier model to page content (Markdown + rendered HTML)."""
