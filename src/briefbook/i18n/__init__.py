"""The translation catalogue: every label, date and grade meaning a page shows, in each site
language. One data file per language (``<code>.yml``); Babel's CLDR data for month names, date
patterns, plural rules and language names. Imports only the model."""
