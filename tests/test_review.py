"""Claims that need review: the rules on a given day, ``briefbook check --review`` and its exit
status, the dates it counts from, and the scheduled workflow ``briefbook init`` can write."""

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from support import load_tree, write_files
from test_workflows import PINNED, _schema_check, _steps, _zizmor_findings

from briefbook import cli
from briefbook.index.review import ReviewRules, build_date, needs_review

FILES = {
    "briefs/actors/merova.md": "---\nname: Merova\nkind: state\n---\n",
    "briefs/actors/calvonia.md": "---\nname: Calvonia\nkind: state\n---\n",
    "briefs/actors/lunesse.md": "---\nname: Lunesse\nkind: state\n---\n",
    "briefs/topics/talks.md": "---\ntitle: Talks\n---\n",
    "briefs/2025/old.md": """\
        ---
        title: Old
        date: "2025-01-10"
        actors: [merova, calvonia]
        positions:
          - {actor: merova, topic: talks, stance: opposes, summary: No talks.}
          - {actor: calvonia, topic: talks, stance: supports, summary: Talks now.}
        questions:
          - {id: venue, text: "Where will talks be held?", review_by: "2025-06"}
          - {id: settled, text: "Will they meet?", review_by: "2025-02-01"}
        ---
        Body.
        """,
    "briefs/2025/new.md": """\
        ---
        title: New
        date: "~2025-11"
        actors: [calvonia]
        positions:
          - {actor: calvonia, topic: talks, stance: conditional, summary: Talks if.}
        questions:
          - {id: settled, status: answered, answer: "Yes."}
        ---
        Body.
        """,
}


def _review(tmp_path, today: str, positions: int = 365, actors: int = 180):
    result = load_tree(tmp_path, FILES)
    assert not [d for d in result.diagnostics if d.is_error]
    return needs_review(result.dossier, ReviewRules(dt.date.fromisoformat(today), positions,
                                                    actors))


def test_stale_positions_overdue_questions_and_quiet_actors(tmp_path):
    found = _review(tmp_path, "2026-01-20")
    # merova's only position is over a year old; calvonia's latest (~2025-11) is recent
    assert [(s.position.actor, s.days) for s in found.positions] == [("merova", 375)]
    # 'venue' is open past June 2025 (counted from its last day); 'settled' is answered
    assert [(o.question.id, o.days) for o in found.questions] == [("venue", 204)]
    # lunesse is in no brief; merova's last brief is 375 days old; calvonia's is recent
    assert [(a.actor, a.days) for a in found.actors] == [("lunesse", None), ("merova", 375)]
    assert found.count == 4


def test_a_fuzzy_date_counts_from_its_last_day_and_the_limits_are_exclusive(tmp_path):
    # ~2025-11 ends on 30 November 2025: 31 days later is not more than 31
    found = _review(tmp_path, "2025-12-31", positions=31, actors=31)
    assert ("calvonia", 31) not in [(s.position.actor, s.days) for s in found.positions]
    found = _review(tmp_path, "2026-01-01", positions=31, actors=31)
    assert ("calvonia", 32) in [(s.position.actor, s.days) for s in found.positions]
    assert _review(tmp_path / "b", "2025-06-30").questions == []  # the last day of 2025-06


def test_build_date_is_source_date_epoch_when_set():
    assert build_date({"SOURCE_DATE_EPOCH": "1767225600"}) == dt.date(2026, 1, 1)
    assert build_date({}) == dt.datetime.now(dt.UTC).date()


def _project(tmp_path: Path, options: str = "") -> Path:
    write_files(tmp_path, FILES)
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: T\nplugins:\n  - briefbook:\n      briefs_dir: briefs\n{options}",
        encoding="utf-8")
    return tmp_path


def test_check_review_lists_each_item_at_its_place_and_fails(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    assert cli.main(["check", "--review", "--today", "2026-01-20"]) == 1
    lines = capsys.readouterr().out.splitlines()
    review = [line for line in lines if ": review: " in line]
    assert review == [
        "briefs/2025/old.md:6:5: review: the stance of 'merova' on 'talks' (opposes) was last "
        "reported 2025-01-10, 375 days ago (limit 365); find a newer source, or report that it "
        "still holds",
        "briefs/2025/old.md:9:5: review: question 'venue' is still open 204 days after its "
        "review_by date (2025-06); answer it, set status: moot, or give a later review_by",
        "briefs/actors/lunesse.md:1:1: review: no brief has named actor 'lunesse' yet; add a "
        "brief on it, or remove it if the dossier no longer follows it",
        "briefs/actors/merova.md:1:1: review: no brief has named actor 'merova' since "
        "2025-01-10 (375 days; limit 180); add a brief on it, or remove it if the dossier no "
        "longer follows it",
    ]
    assert lines[-1].endswith("; 4 items need review on 2026-01-20")
    # the same dossier without --review is clean
    assert cli.main(["check", str(project)]) == 0


def test_check_review_takes_its_limits_and_day_from_mkdocs_yml(tmp_path, capsys):
    project = _project(tmp_path, "      review_positions_after_days: 1000\n"
                                 "      review_actors_after_days: 1000\n"
                                 "      review_today: \"2025-03-01\"\n")
    assert cli.main(["check", str(project), "--review", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["review"]["today"] == "2025-03-01"
    assert report["review"]["positions_after_days"] == 1000
    assert [(i["kind"], i["subject"]) for i in report["review"]["items"]] == [
        ("actor", "lunesse")]
    # --today wins over review_today; nothing is due on 2025-02-01
    assert cli.main(["check", str(project), "--review", "--today", "2025-02-01"]) == 1
    out = capsys.readouterr().out
    assert "1 item needs review on 2025-02-01" in out


def test_nothing_to_review_exits_zero(tmp_path, capsys):
    files = {k: v for k, v in FILES.items() if "lunesse" not in k}
    write_files(tmp_path, files)
    assert cli.main(["check", str(tmp_path / "briefs"), "--review", "--today",
                     "2025-01-11"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("0 items need review on 2025-01-11")


def test_check_review_uses_source_date_epoch_without_today(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert cli.main(["check", str(_project(tmp_path)), "--review"]) == 1
    assert "need review on 2026-01-01" in capsys.readouterr().out


def test_bad_review_options_and_flags_are_named(tmp_path, capsys):
    project = _project(tmp_path, "      review_actors_after_days: soon\n")
    assert cli.main(["check", str(project), "--review"]) == 1
    out = capsys.readouterr().out
    assert "mkdocs.yml:5:33: error: 'review_actors_after_days' must be a whole number" in out
    assert cli.main(["check", str(project), "--today", "2026-01-01"]) == 2
    assert "--today is for --review" in capsys.readouterr().err
    assert cli.main(["check", str(project), "--review", "--today", "2026-02-30"]) == 2
    assert "--today is '2026-02-30'" in capsys.readouterr().err


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "dossier"
    assert cli.main(["init", str(target), "--review-workflow"]) == 0
    return target


def test_init_writes_the_review_workflow_only_when_asked(reviewed, tmp_path):
    assert (reviewed / ".github/workflows/review.yml").is_file()
    assert cli.main(["init", str(tmp_path / "plain")]) == 0
    assert not (tmp_path / "plain/.github/workflows/review.yml").exists()


def test_the_review_workflow_is_valid_safe_pinned_and_runs_check_review(reviewed):
    path = reviewed / ".github/workflows/review.yml"
    proc = _schema_check(path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    findings = _zizmor_findings(path)
    assert [f for f in findings if f[1] in ("Medium", "High")] == [], findings
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}
    assert set(workflow[True]) == {"schedule", "workflow_dispatch"}
    assert workflow["jobs"]["review"]["permissions"] == {"contents": "read"}
    for line in text.splitlines():
        if "uses: " in line:
            assert PINNED.match(line.split("uses: ", 1)[1].strip()), line
    runs = [step.get("run", "") for step in _steps(workflow)]
    assert "briefbook check --review --no-notes" in runs
    assert "@VERSION@" not in text


def test_the_review_page_shows_the_oldest_items_up_to_its_limit(tmp_path):
    from support import build_project

    project = _project(tmp_path, '      review_today: "2026-01-20"\n'
                                 "      review_page_limit: 1\n")
    write_files(project, {"docs/index.md": "# Home\n"})
    built = build_project(project, strict=True)
    page = built.html("review/")
    actors = page[page.index('id="actors-with-no-recent-brief"'):]
    assert "Lunesse" in actors and "Merova</a>" not in actors.split("</ul>")[0]
    assert "1 more is not listed here; briefbook check --review lists them all." in actors
    assert "4 items need review" in page


def test_check_review_of_a_dossier_with_audiences_is_the_most_open_site_s(tmp_path, capsys):
    """A scheduled review's log may be read more widely than the internal site: by default it
    lists what the public site would, nothing of the briefs it leaves out."""
    write_files(tmp_path, {"briefs/2025/secret.md": (
        "---\ntitle: Secret\ndate: '2025-03-01'\naudience: internal\npositions:\n"
        "  - {actor: merova, topic: talks, stance: supports, summary: Yes.}\n---\n")})
    project = _project(tmp_path, "      audiences: [public, internal]\n")
    cli.main(["check", str(project), "--review", "--today", "2026-12-01"])
    public = capsys.readouterr().out
    assert "secret.md" not in public and "for audience 'public'" in public
    cli.main(["check", str(project), "--review", "--today", "2026-12-01",
              "--audience", "internal"])
    assert "briefs/2025/secret.md" in capsys.readouterr().out
