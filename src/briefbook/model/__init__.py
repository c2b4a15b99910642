"""Stage 0, the model: typed records of a dossier (briefs, actors, topics, claims), fuzzy
dates, source grades, rules for user-written values, and diagnostics. Imports nothing above it.
"""
