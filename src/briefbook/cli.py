"""The ``briefbook`` command: ``init``, ``check``, ``new``, ``ingest`` and ``schema``.

Thin on purpose: each subcommand parses its arguments, calls the module that does the work
(:mod:`~briefbook.authoring.init`, :mod:`~briefbook.authoring.check`,
:mod:`~briefbook.authoring.new`, :mod:`~briefbook.authoring.ingest`,
:mod:`~briefbook.authoring.schema`) and prints. Exit status: 0 done, 1 the dossier or the
request has a problem (the message says which), 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from briefbook.authoring.locate import ConfigProblem, DossierNotFound, DossierPaths, find_dossier
from briefbook.model.diagnostics import printable
from briefbook.model.dossier import ActorKind, Dossier

if TYPE_CHECKING:
    from briefbook.authoring.ingest.article import Article
    from briefbook.authoring.new import Scaffolder
    from briefbook.model.audience import Audiences
    from briefbook.model.dates import FuzzyDate

OK, FAILED, USAGE = 0, 1, 2


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked (it costs an import)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("briefbook")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            number = "unknown"
        print(f"briefbook {number}")
        parser.exit()


def _dossier_help(action: str) -> str:
    return (f"the dossier folder {action}, or a project folder with mkdocs.yml whose "
            "briefbook plugin names it in briefs_dir (default: the current folder)")


class _Parser(argparse.ArgumentParser):
    """argparse, with the values a user typed shown escaped in its error messages: a line
    break in an option's value cannot start a line of its own (a CI log command, ``::``)."""

    def error(self, message: str) -> NoReturn:
        super().error(printable(message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefbook",
        description="Check, create and import the Markdown files of a Briefbook dossier.",
        epilog="Run 'briefbook COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="show the installed version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    init = commands.add_parser(
        "init", help="start a new dossier repository in a folder",
        description="Write a complete dossier repository: mkdocs.yml, docs/index.md, an example "
                    "brief, actor and topic under briefs/, GitHub workflows that check the "
                    "dossier and publish it on GitHub Pages, a pre-commit hook, .gitignore, "
                    "requirements.txt and a README. Never overwrites: when a file to write "
                    "exists, nothing is written (exit status 2).",
    )
    init.add_argument("folder", nargs="?", default=".", metavar="DIR",
                      help="where to write the dossier, created if needed (default: the "
                           "current folder)")
    init.add_argument("--title", default=None, help="the site's name (default: 'Briefing "
                                                    "dossier')")
    init.add_argument("--requirement", default=None, metavar="PIP-LINE",
                      help="how the workflows install Briefbook, written to requirements.txt "
                           "(default: briefbook==THIS-VERSION), e.g. "
                           "'briefbook @ git+https://github.com/<owner>/briefbook@v0.2.0'")
    init.add_argument("--review-workflow", action="store_true",
                      help="also write .github/workflows/review.yml, which runs 'briefbook "
                           "check --review' every Monday and fails when something needs review")
    init.set_defaults(run=run_init)

    check = commands.add_parser(
        "check", help="validate a dossier without building the site",
        description="Validate every brief, actor and topic file of a dossier and print each "
                    "problem as 'path:line:col: error|warning|note: message', then a summary "
                    "line. Exit status 0 when clean, 1 when there are errors (or warnings, "
                    "with --strict; notes never fail), 2 for bad usage.",
    )
    check.add_argument("dossier", nargs="?", default=".", metavar="DOSSIER",
                       help=_dossier_help("to check"))
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--no-notes", dest="notes", action="store_false",
                       help="skip notes (suggestions, which never fail a check): brief "
                            "texts are not searched for actors' names, which is faster")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="'json' prints one JSON object, for editors and CI (default: text)")
    check.add_argument("--as-of", dest="as_of", type=_as_of, metavar="YYYY-MM-DD",
                       help="check the dossier as it stood that day, like a build with the "
                            "plugin's as_of: the summary counts the briefs dated on or before it")
    check.add_argument("--review", action="store_true",
                       help="also list what needs review: positions no newer source has "
                            "reported, open questions past their review_by date, actors no "
                            "recent brief names (limits: the plugin's review_* options); "
                            "exit status 1 when anything does, for a scheduled workflow")
    check.add_argument("--today", type=_today, metavar="YYYY-MM-DD",
                       help="with --review: the day to review for (default: the plugin's "
                            "review_today, else SOURCE_DATE_EPOCH's day, else today in UTC)")
    check.add_argument("--audience", default=None, metavar="NAME",
                       help="check the dossier as the site for this audience (one of the "
                            "plugin's 'audiences' in mkdocs.yml) would be built: the summary "
                            "counts the briefs its readers may see")
    check.set_defaults(run=run_check)

    new = commands.add_parser(
        "new", help="write a new brief, actor or topic file",
        description="Write a correctly formed new file with a safe id made from its title or "
                    "name. Never overwrites an existing file.",
    )
    kinds = new.add_subparsers(dest="kind", metavar="KIND", required=True)
    brief = kinds.add_parser("brief", help="a new brief in <year>/<id>.md",
                             description="Write a new brief in <dossier>/<year>/<id>.md.")
    brief.add_argument("title", metavar="TITLE")
    brief.add_argument("--date", help="YYYY, YYYY-MM or YYYY-MM-DD, ~ for approximate "
                                      "(default: today)")
    brief.add_argument("--actors", nargs="+", default=[], metavar="ID",
                       help="ids of actors the brief is about")
    brief.add_argument("--topics", nargs="+", default=[], metavar="ID",
                       help="ids of topics the brief is filed under")
    brief.add_argument("--tags", nargs="+", default=[], metavar="TAG", help="free keywords")
    brief.add_argument("--summary", default="", help="one or two sentences")
    _common_new_options(brief)
    brief.set_defaults(run=run_new_brief)

    actor = kinds.add_parser("actor", help="a new actor in actors/<id>.md",
                             description="Write a new actor in <dossier>/actors/<id>.md.")
    actor.add_argument("name", metavar="NAME")
    actor.add_argument("--kind", required=True, choices=[k.value for k in ActorKind])
    actor.add_argument("--aliases", nargs="+", default=[], metavar="ALIAS",
                       help="other names, in any language, used to find mentions")
    actor.add_argument("--role", default="", help="one line on the actor's role")
    actor.add_argument("--country", default="", help="ISO 3166 two-letter code, e.g. FR")
    actor.add_argument("--member-of", dest="affiliations", nargs="+", default=[], metavar="ID",
                       help="ids of the organisations or groups the actor belongs to (its "
                            "affiliations), e.g. --member-of nato european-union")
    _common_new_options(actor)
    actor.set_defaults(run=run_new_actor)

    topic = kinds.add_parser("topic", help="a new topic in topics/<id>.md",
                             description="Write a new topic in <dossier>/topics/<id>.md.")
    topic.add_argument("title", metavar="TITLE")
    topic.add_argument("--summary", default="", help="one or two sentences")
    _common_new_options(topic)
    topic.set_defaults(run=run_new_topic)

    ingest = commands.add_parser(
        "ingest", help="make a new brief from an article (a web page, its address, or text)",
        description="Make a new brief from an article: a web page (a file, or its http(s) "
                    "address, fetched), Markdown, or text pasted from a reader app. Of a web "
                    "page, the article alone is kept (no menus, banners, share bars, related "
                    "links or comments) as Markdown, with its title, date, authors, publisher, "
                    "language and address; of text, newsletter, paywall and share lines are "
                    "removed and credits kept as the source's. A brief whose publication date "
                    "is not found is dated the day it was retrieved and marked "
                    "date_unknown. Known actors named in the article are listed; recurring "
                    "names that are not actors yet are printed as candidates. Never "
                    "overwrites an existing file.",
    )
    ingest.add_argument("file", metavar="FILE|URL",
                        help="the article's file, its http(s) address, or '-' for standard "
                             "input")
    ingest.add_argument("--format", choices=("auto", "text", "markdown", "html"),
                        default="auto", help="the article's format (default: from the file "
                                             "name, else from its content)")
    ingest.add_argument("--title", help="the brief's title (default: guessed)")
    ingest.add_argument("--date", help="the source's publication date (default: the one the "
                                       "page states, else today, marked date_unknown)")
    ingest.add_argument("--language", help="language code of the text, e.g. fr (default: "
                                           "detected)")
    ingest.add_argument("--url", default="", help="address of the source (http or https); "
                                                  "a page's relative links are read against "
                                                  "it when the page names no canonical address")
    ingest.add_argument("--publisher", default="", help="outlet that published the source "
                                                        "(default: the page's site name)")
    ingest.add_argument("--grade", help="the source's Admiralty grade, e.g. B2 (reliability "
                                        "A-F, credibility 1-6; default: none, to add by hand)")
    ingest.add_argument("--topics", nargs="+", default=[], metavar="ID",
                        help="topic ids the brief is about (must exist)")
    ingest.add_argument("--tags", nargs="+", default=[], metavar="TAG", help="free keywords")
    _common_new_options(ingest)
    ingest.set_defaults(run=run_ingest)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of front-matter",
        description="Print the JSON Schema (draft 2020-12) of brief, actor and topic "
                    "front-matter, for editors and CI.",
    )
    schema.add_argument("--kind", choices=("brief", "actor", "topic"),
                        help="only the schema of this kind of file")
    schema.set_defaults(run=run_schema)
    return parser


def _common_new_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--slug", help="the file's id (default: made from the title or name)")
    parser.add_argument("--dir", default=".", metavar="DOSSIER",
                        help=_dossier_help("to write into"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or bad usage (argparse printed why)
        return exc.code if isinstance(exc.code, int) else USAGE
    run: Callable[[argparse.Namespace, TextIO], int] = args.run
    try:
        return run(args, sys.stdout)
    except UsageError as exc:
        print(f"briefbook {args.command}: error: {exc}", file=sys.stderr)
        return USAGE
    except ConfigProblem as problem:
        return _config_problem(problem, args, sys.stdout)


class UsageError(Exception):
    """The arguments cannot be used (a missing folder or file); exit status 2."""


def _locate(argument: str) -> DossierPaths:
    try:
        return find_dossier(argument)
    except DossierNotFound as exc:
        raise UsageError(str(exc)) from None


def _config_problem(problem: ConfigProblem, args: argparse.Namespace, out: TextIO) -> int:
    """A ``mkdocs.yml`` that cannot say where the dossier is: one diagnostic, exit status 1.

    ``check`` reports it like any problem of the dossier (in text or JSON, on standard output);
    the other commands print it on standard error.
    """
    from briefbook.authoring.check import CheckReport, display
    from briefbook.model.diagnostics import Diagnostic, Location, Severity

    diagnostic = Diagnostic(Location(display(problem.path), problem.line, problem.col),
                            Severity.ERROR, problem.message, "config")
    if args.command != "check":
        print(diagnostic.format(), file=sys.stderr)
        return FAILED
    report = CheckReport(problem.path.parent, [diagnostic], 0)
    text = report.to_json(args.strict) if args.format == "json" else report.to_text(args.notes)
    print(text, file=out)
    return FAILED


def _fail(message: str) -> int:
    for line in message.splitlines() or [""]:
        print(f"briefbook: {line}", file=sys.stderr)
    return FAILED


# -- init ----------------------------------------------------------------------------------
def run_init(args: argparse.Namespace, out: TextIO) -> int:
    from briefbook.authoring.check import display
    from briefbook.authoring.init import (
        DEFAULT_TITLE,
        InitError,
        init_dossier,
        installed_origin,
        installed_version,
        origin_of_requirement,
        starter_files,
    )

    target = Path(args.folder)
    try:
        version = installed_version()
        origin = (origin_of_requirement(args.requirement, version)
                  if args.requirement is not None else installed_origin(version))
        files = starter_files(args.title if args.title is not None else DEFAULT_TITLE,
                              version=version, origin=origin,
                              review_workflow=args.review_workflow)
        written = init_dossier(target, files)
    except InitError as exc:
        raise UsageError(str(exc)) from None
    for path in written:
        _written(path, out)
    for note in origin.notes:
        print(f"note: {note}", file=out)
    where = display(target)
    enter = "" if where == "." else f"cd {where}\n  "
    print(f"""
next steps:
  {enter}python3 -m venv .venv && .venv/bin/pip install -r requirements.txt
  . .venv/bin/activate
  briefbook check && mkdocs serve
then replace the EXAMPLE files under briefs/ with your own (briefbook new --help), and see
README.md for publishing on GitHub Pages.""", file=out)
    return OK


# -- check ---------------------------------------------------------------------------------
def _as_of(value: str) -> dt.date:
    """``--as-of``: a day, or a usage error saying what to write."""
    from briefbook.validate.as_of import parse_as_of

    try:
        return parse_as_of(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).replace("'as_of'", "--as-of")) from None


def _today(value: str) -> dt.date:
    """``--today``: a day, or a usage error saying what to write."""
    try:
        return _as_of(value)
    except argparse.ArgumentTypeError as exc:
        raise argparse.ArgumentTypeError(str(exc).replace("--as-of", "--today")) from None


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    from briefbook.authoring.check import check_dossier
    from briefbook.authoring.locate import plugin_option

    found = _locate(args.dossier)
    if not found.root.is_dir():
        raise UsageError(_empty_dossier(found))
    if args.today is not None and not args.review:
        raise UsageError("--today is for --review; add --review, or leave --today out")
    rules = None
    if args.review:
        from briefbook.authoring.review import review_settings

        rules = review_settings(found.config).rules(args.today)
    sanitizes = found.config is not None and plugin_option(found.config, "sanitize") is True
    audiences, audience = _audiences(found, args.audience)
    if rules is not None and audiences.declared and not audience:
        # what needs review is listed for the most open site unless asked otherwise: the list
        # of a scheduled workflow lands in a log that readers of that site may see
        audience = audiences.most_open
    report = check_dossier(found.root, as_of=args.as_of, notes=args.notes,
                           site_sanitizes=sanitizes, review=rules, audiences=audiences,
                           audience=audience)
    if report.files == 0 and not report.diagnostics:
        raise UsageError(_empty_dossier(found))
    text = report.to_json(args.strict) if args.format == "json" else report.to_text(args.notes)
    print(text, file=out)
    return FAILED if report.failed(args.strict) else OK


def _audiences(found: DossierPaths, option: str | None) -> tuple[Audiences, str]:
    """The audiences the dossier's ``mkdocs.yml`` declares, and the one ``--audience`` names
    ("" for none: every file is checked, nothing is left out)."""
    from briefbook.authoring.locate import config_of, plugin_option
    from briefbook.validate.audiences import chosen_audience, parse_audiences

    config = config_of(found)
    try:
        audiences = parse_audiences(plugin_option(config, "audiences") if config else None)
    except ValueError as exc:
        raise UsageError(f"{config}: {exc}") from None
    if option is None:
        return audiences, ""
    try:
        return audiences, chosen_audience(audiences, option, "--audience")
    except ValueError as exc:  # it quotes the value typed: shown escaped, on one line
        raise UsageError(printable(str(exc))) from None


def _empty_dossier(found: DossierPaths) -> str:
    """Why there is nothing to check: the dossier folder is missing or holds no file."""
    from briefbook.authoring.check import display

    named = f", named by {display(found.config)}," if found.config else ""
    state = "does not exist" if not found.root.is_dir() else "holds no brief, actor or topic file"
    return (f"the dossier folder {display(found.root)}{named} {state}, so there is nothing to "
            "check; write a first file with 'briefbook new brief TITLE' (or new actor, new "
            "topic), or start a dossier with 'briefbook init'")


# -- new -----------------------------------------------------------------------------------
def _scaffolder(argument: str) -> Scaffolder:
    from briefbook.authoring.new import Scaffolder
    from briefbook.pipeline import load_dossier

    root = _locate(argument).root
    dossier = load_dossier(root, Path.cwd()).dossier if root.is_dir() else Dossier()
    return Scaffolder(root, dossier)


def _written(path: Path, out: TextIO) -> None:
    from briefbook.authoring.check import display

    print(f"wrote {display(path)}", file=out)


def _date(text: str | None) -> FuzzyDate:
    from briefbook.authoring.new import parse_date

    return parse_date(text or dt.date.today().isoformat())


def run_new_brief(args: argparse.Namespace, out: TextIO) -> int:
    from briefbook.authoring.new import ScaffoldError, tags_as_slugs

    try:
        renamed = tags_as_slugs(args.tags or ())[1]
    except ScaffoldError:
        renamed = []  # new_brief names it, with the other problems
    try:
        path = _scaffolder(args.dir).new_brief(
            args.title, args.date or dt.date.today().isoformat(), slug=args.slug,
            summary=args.summary,
            actors=args.actors, topics=args.topics, tags=args.tags,
        )
    except ScaffoldError as exc:
        return _fail(str(exc))
    _written(path, out)
    for line in renamed:
        print(line, file=out)
    return OK


def run_new_actor(args: argparse.Namespace, out: TextIO) -> int:
    from briefbook.authoring.new import ScaffoldError

    try:
        path = _scaffolder(args.dir).new_actor(
            args.name, ActorKind(args.kind), slug=args.slug, aliases=args.aliases,
            role=args.role, country=args.country, affiliations=args.affiliations,
        )
    except ScaffoldError as exc:
        return _fail(str(exc))
    _written(path, out)
    return OK


def run_new_topic(args: argparse.Namespace, out: TextIO) -> int:
    from briefbook.authoring.new import ScaffoldError

    try:
        path = _scaffolder(args.dir).new_topic(args.title, slug=args.slug, summary=args.summary)
    except ScaffoldError as exc:
        return _fail(str(exc))
    _written(path, out)
    return OK


# -- ingest --------------------------------------------------------------------------------
def _read_input(name: str) -> str:
    from briefbook.authoring.ingest.fetch import decode
    from briefbook.authoring.ingest.limits import MAX_HTML_BYTES, check_size

    if name == "-":
        data = sys.stdin.buffer.read(MAX_HTML_BYTES + 1)
        check_size(len(data), True, at_least=True)
    else:
        try:
            with Path(name).open("rb") as handle:
                check_size(os.fstat(handle.fileno()).st_size, True)
                data = handle.read(MAX_HTML_BYTES + 1)
        except OSError as exc:
            raise UsageError(f"cannot read '{name}': {exc.strerror or exc}") from None
        check_size(len(data), True, at_least=True)
    # HTML says its character set in <meta charset>; text is read as UTF-8
    return decode(data, None if data.lstrip()[:1] == b"<" else "utf-8")


def run_ingest(args: argparse.Namespace, out: TextIO) -> int:
    from briefbook.authoring.ingest.article import InputFormat, annotate, read_article
    from briefbook.authoring.ingest.fetch import fetch, is_fetchable
    from briefbook.authoring.ingest.limits import InputRefused
    from briefbook.authoring.new import ScaffoldError, tags_as_slugs
    from briefbook.model.values import is_web_address, web_address_hint
    from briefbook.validate.fields import LANGUAGE_RE

    if args.url and not is_web_address(args.url):
        return _fail(f"--url must be an absolute http(s) address, found '{args.url}'; "
                     f"{web_address_hint(args.url)}")
    if args.language and not LANGUAGE_RE.match(args.language):
        return _fail(f"--language '{args.language}': use a language code such as en, fr "
                     "or pt-BR")
    grade = ""
    if args.grade:
        from briefbook.model.grading import Grade, GradeError

        try:
            grade = Grade.parse(args.grade).label
        except GradeError as exc:
            return _fail(f"--grade: {exc}")
    scaffolder = _scaffolder(args.dir)
    try:
        given_date = _date(args.date) if args.date else None
        scaffolder.known_topics(args.topics)
        renamed = tags_as_slugs(args.tags)[1]
    except ScaffoldError as exc:
        return _fail(str(exc))
    fmt, filename, url = InputFormat(args.format), args.file, args.url.strip()
    base = url
    try:
        if is_fetchable(args.file):
            fetched = fetch(args.file)
            print(f"fetched {fetched.url}", file=out)
            text, filename, base = fetched.text, None, url or fetched.url
            if fmt is InputFormat.AUTO:
                fmt = InputFormat.HTML if fetched.is_html else InputFormat.TEXT
        else:
            text = _read_input(args.file)
            filename = None if args.file == "-" else args.file
        article = read_article(text, fmt, filename=filename, title=args.title, url=base)
    except InputRefused as exc:
        return _fail(f"{args.file}: {exc}")
    if not article.title:
        return _fail("found no title in the article (it has no heading and no line of three "
                     "words or more); give one with --title")
    annotate(article, scaffolder.dossier.actors.values(), args.language)
    today = dt.date.today().isoformat()
    date = given_date or (_date(article.date) if article.date else _date(today))
    date_unknown = given_date is None and not article.date
    address = url or article.url
    source: dict[str, object] = {
        "publisher": args.publisher.strip() or article.publisher,
        "url": address if is_web_address(address) else "", "language": article.language or "",
        "authors": article.authors, "credits": article.credits, "retrieved": today,
        "grade": grade}
    actors = [actor for actor, _ in article.actors.most_common()]
    body = article.body
    if article.links_unresolved:
        body += (f"\n<!-- briefbook ingest: {article.links_unresolved} relative link(s) of the "
                 "page were kept as text: there was no address to read them against (give "
                 "--url) -->\n")
    try:
        path = scaffolder.new_brief(
            article.title, date, slug=args.slug, actors=actors, topics=args.topics,
            tags=args.tags, extra={"date_unknown": True if date_unknown else None, "sanitize": True,
                   "source": {k: v for k, v in source.items() if v}},
            body=body,
        )
    except ScaffoldError as exc:
        return _fail(str(exc))
    _written(path, out)
    _ingest_report(article, out, date.isoformat(), given_date is not None, date_unknown)
    if not grade:
        print("  grade: none yet; once you have judged the source, add it under source: as "
              "grade: B2 (or give --grade)", file=out)
    for line in renamed:
        print(f"  {line}", file=out)
    return OK


def _ingest_report(
    article: Article, out: TextIO, date: str, date_given: bool, date_unknown: bool
) -> None:
    from briefbook.authoring.ingest.article import InputFormat

    print(f"  title: {article.title}", file=out)
    if date_unknown:
        print(f"  date: NO PUBLICATION DATE FOUND; the brief is dated {date}, the day it was "
              "retrieved, and marked 'date_unknown: true' (briefbook check lists it); write "
              "the date it was published in 'date', or pass --date", file=out)
    else:
        found = ("from the page" if article.format is InputFormat.HTML
                 else "from its front-matter" if article.date_from == "front-matter"
                 else "from its dateline")
        print(f"  date: {date} ({'given' if date_given else found})", file=out)
    if article.publisher:
        print(f"  publisher: {article.publisher}", file=out)
    if article.authors:
        print(f"  authors: {', '.join(article.authors)}", file=out)
    else:
        print("  authors: none found", file=out)
    if article.credits:
        print(f"  credits: {'; '.join(article.credits)}", file=out)
    if article.language:
        print(f"  language: {article.language} ({article.language_from})", file=out)
    else:
        print("  language: not detected; add source.language by hand", file=out)
    if article.links_unresolved:
        print(f"  links: {article.links_unresolved} relative link(s) kept as text, with a note "
              "in the brief: no address to read them against (give --url)", file=out)
    if article.front_matter:
        print(f"  front-matter: not copied ({', '.join(article.front_matter[:8])}"
              f"{', …' if len(article.front_matter) > 8 else ''}); its title is used when "
              "--title is not given", file=out)
    if article.removed:
        kinds = sorted({rule for rule, _ in article.removed})
        print(f"  removed {len(article.removed)} line(s) of scraping debris "
              f"({', '.join(kinds)})", file=out)
    if article.actors:
        named = ", ".join(f"{a} ({n})" for a, n in article.actors.most_common())
        print(f"  actors: {named}", file=out)
    else:
        print("  actors: none of the dossier's actors is named", file=out)
    if article.candidates:
        print("candidate new actors (named at least twice, not in the dossier):", file=out)
        for candidate in article.candidates:
            print(f"  {candidate.count:>3}  {candidate.name}", file=out)
        print("add one with: briefbook new actor \"NAME\" --kind state|organisation|person|group",
              file=out)


# -- schema --------------------------------------------------------------------------------
def run_schema(args: argparse.Namespace, out: TextIO) -> int:
    from briefbook.authoring.schema import schema_json

    out.write(schema_json(args.kind))
    return OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
