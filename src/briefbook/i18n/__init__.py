"""The translation catalogue: every label, month name and grade meaning a page can show, in each
site language."""
