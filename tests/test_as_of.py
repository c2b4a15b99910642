"""The dossier as of a day, as a pure function the CLI and the plugin share."""

import datetime as dt

from provenance_support import DISAGREE, HISTORY
from support import write_files

from briefbook.model.dates import FuzzyDate
from briefbook.pipeline import load_dossier
from briefbook.validate.as_of import as_of_filter, included, parse_as_of


def test_a_brief_counts_from_the_first_day_its_date_stands_for():
    first_of_march = dt.date(2025, 3, 1)
    assert included(FuzzyDate.parse("2025-03"), first_of_march)
    assert included(FuzzyDate.parse("~2025-03"), first_of_march)
    assert included(FuzzyDate.parse("2025"), first_of_march)
    assert not included(FuzzyDate.parse("2025-03-02"), first_of_march)
    assert not included(FuzzyDate.parse("2025-03"), dt.date(2025, 2, 28))


def test_parse_as_of_takes_text_or_a_yaml_date():
    assert parse_as_of("2025-03-01") == dt.date(2025, 3, 1)
    assert parse_as_of(dt.date(2025, 3, 1)) == dt.date(2025, 3, 1)
    assert parse_as_of(dt.datetime(2025, 3, 1, 12)) == dt.date(2025, 3, 1)


def test_loading_as_of_a_day_keeps_the_state_of_that_day(tmp_path):
    write_files(tmp_path, HISTORY)
    full = load_dossier(tmp_path / "briefs", tmp_path)
    assert full.dossier.questions["italy-troops"].status.value == "answered"
    then = load_dossier(tmp_path / "briefs", tmp_path, as_of=dt.date(2025, 3, 1))
    assert list(then.dossier.briefs) == ["early"]
    assert then.dossier.questions["italy-troops"].status.value == "open"
    assert [p.stance.value for p in then.index.positions_by_actor["italy"]] == ["supports"]
    assert "nato" not in then.index.briefs_by_actor  # only the later brief involves NATO
    assert set(then.dossier.actors) == set(full.dossier.actors)  # actors are not dated
    before = load_dossier(tmp_path / "briefs", tmp_path, as_of=dt.date(2025, 1, 1))
    assert before.dossier.briefs == {} and before.dossier.questions == {}


def test_as_of_filter_rebuilds_records_and_leaves_the_dossier_alone(tmp_path):
    write_files(tmp_path, DISAGREE)
    result = load_dossier(tmp_path / "briefs", tmp_path)
    then = as_of_filter(result.dossier, dt.date(2025, 4, 11))
    assert list(then.briefs) == ["a"]
    assert [e.brief for e in then.event_records["summit"].events] == ["a"]
    assert not then.event_records["summit"].disputed
    assert len(result.dossier.briefs) == 2
    assert result.dossier.event_records["summit"].disputed


def test_check_as_of_counts_the_briefs_of_that_day(tmp_path, monkeypatch, capsys):
    import json

    from briefbook import cli

    write_files(tmp_path, HISTORY)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "briefs", "--as-of", "2025-03-01"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "0 errors, 0 warnings in 6 files; as of 2025-03-01: 1 brief"
    assert cli.main(["check", "briefs", "--as-of", "2025-03-01", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["as_of"], summary["briefs_as_of"]) == ("2025-03-01", 1)
    assert cli.main(["check", "briefs", "--as-of", "March"]) == 2
    assert "--as-of is 'March': give a day as YYYY-MM-DD" in capsys.readouterr().err
