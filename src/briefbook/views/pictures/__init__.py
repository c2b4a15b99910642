"""Pictures drawn at build time as inline SVG: the visual timeline, the actors' network and
stances over time. Pure functions from plain records to markup; nothing here reads files or
knows of MkDocs, and the same input always gives the same bytes."""
