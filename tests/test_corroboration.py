"""Source grades and corroborated records in validation: fields, ids, records, warnings."""

import re

from provenance_support import AGREE, DISAGREE
from support import load_tree

from briefbook.validate.corroboration import build_records


def diag_lines(result):
    return [d.format() for d in result.diagnostics.sorted()]


def brief(front: str) -> dict[str, str]:
    return {
        "briefs/actors/france.md": "---\nname: France\nkind: state\n---\n",
        "briefs/topics/force.md": "---\ntitle: Force\n---\n",
        "briefs/2025/a.md": f"---\ntitle: A\ndate: \"2025-04-10\"\n{front}---\nText.\n",
    }


def test_source_kind_and_grade_are_read(tmp_path):
    result = load_tree(tmp_path, brief("source: {publisher: X, kind: Report, grade: b2}\n"))
    assert diag_lines(result) == []
    source = result.dossier.briefs["a"].source
    assert source.kind.value == "report"
    assert source.grade.label == "B2"
    assert result.dossier.briefs["a"].grade == source.grade


def test_bad_kind_and_grade_are_errors_with_hints(tmp_path):
    result = load_tree(tmp_path, brief("source:\n  kind: reprot\n  grade: 2B\n"))
    assert diag_lines(result) == [
        "briefs/2025/a.md:5:9: error: 'source.kind' is 'reprot' (did you mean 'report'?); use "
        "one of: report | official | analysis | primary | interview | social",
        "briefs/2025/a.md:6:10: error: 'source.grade': '2B' is not a grade (did you mean "
        "'B2'?): write the source's reliability A–F followed by the information's credibility "
        "1–6, e.g. B2",
    ]


def test_claim_ids_must_be_slugs(tmp_path):
    result = load_tree(tmp_path, brief(
        "events:\n  - {id: Big Summit, date: \"2025-04\", title: Summit}\n"
    ))
    assert diag_lines(result) == [
        "briefs/2025/a.md:5:10: error: event id 'Big Summit' is not a valid id: use lowercase "
        "letters, digits and hyphens, e.g. 'big-summit'",
    ]
    assert result.dossier.briefs["a"].events[0].id == ""


def test_one_id_twice_in_one_brief_is_an_error(tmp_path):
    result = load_tree(tmp_path, brief(
        "events:\n"
        "  - {id: summit, date: \"2025-04\", title: Summit}\n"
        "  - {id: summit, date: \"2025-04\", title: Summit again}\n"
    ))
    assert diag_lines(result) == [
        "briefs/2025/a.md:6:5: error: event id 'summit' is used twice in this brief (also at "
        "briefs/2025/a.md:5:5); ids stand for one event reported by several briefs",
    ]


def test_reports_that_agree_make_one_record_best_grade_first(tmp_path):
    result = load_tree(tmp_path, AGREE)
    assert diag_lines(result) == []
    events = result.dossier.event_records["summit"]
    assert [e.brief for e in events.events] == ["b", "a"]  # A2 before C3
    assert not events.disputed
    positions = result.dossier.position_records["france-force"]
    assert [p.brief for p in positions.positions] == ["b", "a"]
    assert not positions.disputed


def test_disagreeing_dates_and_stances_are_warnings_naming_both_places(tmp_path):
    result = load_tree(tmp_path, DISAGREE)
    assert diag_lines(result) == [
        "briefs/2025/b.md:7:5: warning: position 'france-force' gives 'france' the stance "
        "'opposes' on 'force' at 2025-04-10 here but 'supports' in briefs/2025/a.md:8:5; the "
        "pages show both stances until the sources agree (or mark a known disagreement "
        "'disputed: true')",
        "briefs/2025/b.md:14:5: warning: event 'summit' is dated 2025-04-12 here but 2025-04-10 "
        "in briefs/2025/a.md:14:5; the pages show both dates until the sources agree (or mark a "
        "known disagreement 'disputed: true')",
    ]
    record = result.dossier.event_records["summit"]
    assert record.disputed
    assert [[e.brief for e in v] for v in record.variants] == [["a"], ["b"]]
    claim = result.dossier.position_records["france-force"]
    assert claim.disputed
    assert [p.stance.value for p in claim.at(claim.positions[0].date)] == ["supports", "opposes"]


def test_a_known_disagreement_marked_disputed_is_a_note_and_pages_keep_both(tmp_path):
    files = {**DISAGREE}
    files["briefs/2025/b.md"] = re.sub(
        r"( +)(stance: opposes|title: Leaders' summit)", r"\1disputed: true\n\1\2",
        files["briefs/2025/b.md"])
    result = load_tree(tmp_path, files)
    assert [d.severity.value for d in result.diagnostics.sorted()] == ["note", "note"]
    assert "the pages show both stances, as 'disputed: true' asks" in diag_lines(result)[0]
    assert "the pages show both dates, as 'disputed: true' asks" in diag_lines(result)[1]
    assert result.dossier.event_records["summit"].disputed
    assert result.dossier.position_records["france-force"].disputed


def test_disputed_flag_needs_an_id_a_boolean_and_a_disagreement(tmp_path):
    result = load_tree(tmp_path, brief(
        "positions:\n"
        "  - {actor: france, topic: force, stance: supports, summary: S, disputed: true}\n"
        "  - {id: p2, actor: france, topic: force, stance: supports, summary: S,"
        " disputed: \"yes\"}\n"
        "events:\n  - {id: summit, date: \"2025-04\", title: Summit, disputed: true}\n"
    ))
    assert diag_lines(result) == [
        "briefs/2025/a.md:5:75: warning: 'disputed: true' needs an 'id' shared with the other "
        "reports it disagrees with; add the id or remove 'disputed'",
        "briefs/2025/a.md:6:83: error: 'disputed' must be true or false",
        "briefs/2025/a.md:8:5: note: 'summit' is marked 'disputed: true' but no other report of "
        "it disagrees; remove 'disputed' if the sources now agree",
    ]


def test_one_position_id_about_two_actors_is_an_error(tmp_path):
    files = {**AGREE}
    files["briefs/2025/b.md"] = files["briefs/2025/b.md"].replace(
        "actor: france", "actor: italy")
    result = load_tree(tmp_path, files)
    errors = [d.format() for d in result.diagnostics.errors]
    assert errors == [
        "briefs/2025/a.md:6:5: error: position 'france-force' is about 'france' on 'force' here "
        "but about 'italy' on 'force' in briefs/2025/b.md:6:5; one id is one claim: give one "
        "of them another id",
    ]


def test_records_without_diagnostics_for_as_of_rebuilds(tmp_path):
    result = load_tree(tmp_path, DISAGREE)
    events, positions = build_records(result.dossier.briefs.values())
    assert set(events) == {"summit"}
    assert set(positions) == {"france-force"}


def test_pages_list_a_bounded_number_of_other_reports(tmp_path):
    from briefbook.render.environment import Renderer
    from briefbook.views.brief import event_rows
    from briefbook.views.claims import SOURCES_SHOWN, unique_events
    from briefbook.views.context import ViewContext
    from briefbook.views.urls import SiteUrls

    files = {"briefs/actors/france.md": "---\nname: France\nkind: state\n---\n"}
    count = SOURCES_SHOWN + 3
    for n in range(count):
        files[f"briefs/2025/b{n:02d}.md"] = (
            f"---\ntitle: B{n}\ndate: \"2025-04-{n + 1:02d}\"\nevents:\n"
            f"  - {{id: summit, date: \"2025-04\", title: Summit {n}}}\n---\n"
        )
    result = load_tree(tmp_path, files)
    ctx = ViewContext(result.dossier, result.index, SiteUrls(), Renderer())
    events = unique_events(ctx, result.index.events_sorted)
    assert len(events) == 1
    row = event_rows(ctx, "briefs/b00.md", events)[0]
    assert len(row.also) == SOURCES_SHOWN
    assert row.also_more == count - 1 - SOURCES_SHOWN
    html = ctx.render("events.html", rows=[row])
    assert f"and {count - 1 - SOURCES_SHOWN} more" in html
