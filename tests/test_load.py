from support import load_text


def messages(raw):
    return [(d.location.line, d.location.col, d.message) for d in raw.diagnostics]


def test_values_keep_file_line_and_column():
    raw = load_text("""
        ---
        title: A brief
        date: "2025-04"
        positions:
          - actor: nato
            stance: supports
        ---
        Body text.
    """)
    assert raw.diagnostics == []
    assert raw.data["title"] == "A brief"
    assert str(raw.loc("title")) == "briefs/x.md:2:8"
    assert str(raw.loc("positions", 0, "stance")) == "briefs/x.md:6:13"
    assert raw.key_loc("date").line == 3
    assert raw.body.strip() == "Body text."
    assert raw.body_line == 8


def test_unquoted_dates_stay_text_so_precision_is_kept():
    raw = load_text("---\ndate: 2025-04-10\nn: 3\nok: true\nnothing: ~\n---\n")
    assert raw.data == {"date": "2025-04-10", "n": 3, "ok": True, "nothing": None}


def test_yaml_syntax_error_reports_file_line():
    raw = load_text("---\ntitle: ok\nsummary: [unclosed\n---\n")
    ((line, _col, message),) = messages(raw)
    assert line in (3, 4)
    assert message.startswith("YAML syntax error in front-matter")
    assert raw.data is None


def test_tab_indentation_is_explained():
    raw = load_text("---\ntitle: x\nsource:\n\tpublisher: y\n---\n")
    ((line, _col, message),) = messages(raw)
    assert line == 4
    assert "indent with spaces, not tabs" in message


def test_duplicate_key_names_both_lines():
    raw = load_text("---\ntitle: a\ndate: '2025'\ntitle: b\n---\n")
    assert messages(raw) == [
        (4, 1, "duplicate field 'title' (first given on line 2); keep only one")
    ]
    assert raw.data["title"] == "a"


def test_front_matter_must_be_a_mapping():
    raw = load_text("---\n- a\n- b\n---\n")
    ((line, _col, message),) = messages(raw)
    assert line == 2 and "must be a mapping" in message and "a list" in message


def test_unclosed_front_matter():
    raw = load_text("---\ntitle: x\n\nSome body\n")
    assert messages(raw)[0][2].startswith("the front-matter opened on line 1 is never closed")


def test_missing_front_matter_and_empty_file():
    assert "no front-matter" in messages(load_text("Just text\n"))[0][2]
    assert "the file is empty" in messages(load_text("\n\n"))[0][2]


def test_messages_name_the_kind_of_file_with_its_article():
    actor = "briefs/actors/x.md"
    assert messages(load_text("Just text\n", actor))[0][2].startswith(
        "no front-matter: an actor file starts with a line '---'")
    assert messages(load_text("\n", actor))[0][2] == (
        "the file is empty; an actor starts with front-matter between two --- lines")
    assert messages(load_text("\n", "briefs/topics/x.md"))[0][2].startswith(
        "the file is empty; a topic starts")
    assert messages(load_text("Just text\n"))[0][2].startswith("no front-matter: a brief file")


def test_bom_and_crlf_are_accepted():
    from pathlib import Path

    from briefbook.load.files import load_file

    data = "\ufeff---\r\ntitle: x\r\ndate: '2025'\r\n---\r\nBody\r\n".encode()
    raw = load_file(Path("/d/briefs/x.md"), Path("/d/briefs"), Path("/d"), data)
    assert raw.diagnostics == []
    assert raw.data == {"title": "x", "date": "2025"}
    assert str(raw.loc("date")) == "briefs/x.md:3:7"


def test_non_utf8_file_names_line():
    from pathlib import Path

    from briefbook.load.files import load_file

    data = b"---\ntitle: caf\xe9\n---\n"
    raw = load_file(Path("/d/briefs/x.md"), Path("/d/briefs"), Path("/d"), data)
    ((line, col, message),) = messages(raw)
    assert (line, col) == (2, 11)
    assert "not UTF-8" in message


def test_self_referencing_anchors_are_stopped():
    raw = load_text("---\na: &a [*a, *a]\n---\n")
    assert raw.data is None
    assert [d.code for d in raw.diagnostics] == ["too-large"]


def test_fast_resolver_agrees_with_yaml():
    import yaml
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from briefbook.load.files import _Loader

    standard, fast = yaml.resolver.Resolver(), _Loader("")
    samples = ["yes", "No", "on", "OFF", "y", "n", "true", "False", "null", "~", "", "12", "-3",
               "+4", ".5", "1e3", "0x1F", "2025-04-10", "2025", "<<", "=", "hello", "OTAN",
               "Élysée", "Null", "NULL", "TRUE", "0o17", "1_000", "1:20", ".inf", ".NaN", "*", "&"]

    def same(value):
        node = yaml.ScalarNode
        assert fast.resolve(node, value, (True, False)) == standard.resolve(
            node, value, (True, False)), value

    for value in samples:
        same(value)
    settings(max_examples=300, deadline=None)(given(st.text(max_size=12))(same))()
