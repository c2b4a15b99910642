"""Stage 3, index: lookups built once over the model — backlinks, mentions of actors in texts,
related briefs, the chronology of events, and suggestions drawn from them."""
