"""Small dossiers for the provenance tests: graded sources, reports that agree or disagree,
and a dossier whose stance changes and question is answered in a later week."""

ACTORS = {
    "briefs/actors/nato.md": """
        ---
        name: NATO
        kind: organisation
        ---
    """,
    "briefs/actors/france.md": """
        ---
        name: France
        kind: state
        ---
    """,
    "briefs/actors/italy.md": """
        ---
        name: Italy
        kind: state
        ---
    """,
    "briefs/topics/force.md": """
        ---
        title: Reassurance force
        ---
    """,
}

# Two briefs report the same summit (event id "summit") on different days, and the same
# claim about France (position id "france-force") with different stances on the same day.
DISAGREE = {
    **ACTORS,
    "briefs/2025/a.md": """
        ---
        title: Report A
        date: "2025-04-10"
        source: {publisher: Daily A, kind: report, grade: B2}
        actors: [nato, france]
        topics: [force]
        positions:
          - id: france-force
            actor: france
            topic: force
            stance: supports
            summary: France backs the force.
        events:
          - id: summit
            date: "2025-04-10"
            title: Leaders meet in Paris
            actors: [nato, france]
        ---
        Text A.
    """,
    "briefs/2025/b.md": """
        ---
        title: Report B
        date: "2025-04-12"
        source: {publisher: Weekly B, kind: social, grade: D4}
        actors: [nato, france]
        positions:
          - id: france-force
            actor: france
            topic: force
            stance: opposes
            summary: France is said to object.
            date: "2025-04-10"
        events:
          - id: summit
            date: "2025-04-12"
            title: Leaders' summit in Paris
            actors: [nato, france]
        ---
        Text B.
    """,
}

# The same event and claim in two briefs that agree: one record each, no warning.
AGREE = {
    **ACTORS,
    "briefs/2025/a.md": """
        ---
        title: Report A
        date: "2025-04-10"
        source: {publisher: Daily A, grade: C3}
        positions:
          - {id: france-force, actor: france, topic: force, stance: supports, summary: Backs it.}
        events:
          - {id: summit, date: "2025-04-10", title: Leaders meet, actors: [france]}
        ---
    """,
    "briefs/2025/b.md": """
        ---
        title: Report B
        date: "2025-04-11"
        source: {publisher: Agency B, grade: A2}
        positions:
          - id: france-force
            actor: france
            topic: force
            stance: supports
            summary: France supports the force.
            date: "2025-04-10"
        events:
          - {id: summit, date: "2025-04-10", title: Summit of leaders, actors: [france]}
        ---
    """,
}

# Italy supports the force in February, opposes it in March; a question raised in February is
# answered in March; Italy first appears in February, NATO in March.
HISTORY = {
    **ACTORS,
    "briefs/2025/early.md": """
        ---
        title: Early report
        date: "2025-02-12"
        source: {publisher: Daily A, kind: report, grade: B2}
        actors: [italy]
        topics: [force]
        positions:
          - {actor: italy, topic: force, stance: supports, summary: Rome backs the force.}
        questions:
          - {id: italy-troops, text: Will Italy send troops?, status: open, actors: [italy]}
        ---
        Early text.
    """,
    "briefs/2025/later.md": """
        ---
        title: Later report
        date: "2025-03-20"
        source: {publisher: Agency B, kind: official, grade: A1}
        actors: [italy, nato]
        topics: [force]
        positions:
          - {actor: italy, topic: force, stance: opposes, summary: Rome now rejects the force.}
        questions:
          - id: italy-troops
            status: answered
            answer: No, Italy will not send troops.
        ---
        Later text.
    """,
}
