"""The contract between Briefbook's plugins: typed page kinds, and one registry of the pages
and page sections each plugin contributes.

A plugin registers a :class:`GeneratedPage`: where it lives, its :class:`PageKind`, what it is
about (a brief, actor or topic id) and a *producer*, a function that returns the page's title,
meta and body together as a :class:`~briefbook.views.page.PageDoc`. Nothing is rendered at
registration: :meth:`PageRegistry.produce` runs the producer when the page itself is rendered,
then appends the :class:`PageSection` contributions made for that kind of page, in their
``order``, so sections contributed by plugins that run later are always included.

The registry knows nothing of MkDocs; ``briefbook.mkdocs.registry`` connects it to the build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum

from briefbook.render.environment import TemplateProblem
from briefbook.views.context import ViewContext
from briefbook.views.page import PageDoc


class PageKind(Enum):
    """What a page Briefbook generates is; sections are contributed to a kind.

    A page kind of Briefbook's own is a member here. A plugin from elsewhere that adds pages of
    a new kind defines an ``Enum`` of its own: any enum member is a page kind.
    """

    BRIEF = "brief"
    BRIEFS_INDEX = "briefs-index"
    ACTOR = "actor"
    ACTOR_BRIEFS = "actor-briefs"
    ACTORS_INDEX = "actors-index"
    TOPIC = "topic"
    TOPICS_INDEX = "topics-index"
    QUESTIONS = "questions"
    POSITIONS = "positions"
    CHANGES = "changes"
    TIMELINE = "timeline"
    PRINT = "print"
    NETWORK = "network"
    TAGS = "tags"
    HYPOTHESES = "hypotheses"  # one question's competing hypotheses
    REVIEW = "review"  # what needs review


Producer = Callable[[], PageDoc]


@dataclass(frozen=True)
class GeneratedPage:
    """A page a plugin adds to the site. ``subject`` is the id of the brief, actor or topic the
    page is about (None for section pages); ``produce`` builds its content when it is rendered.
    """

    src_uri: str
    kind: Enum  # a PageKind, or a member of another plugin's own enum of kinds
    produce: Producer
    subject: str | None = None
    in_nav: bool = False


SectionWriter = Callable[[PageDoc, GeneratedPage], None]
"""Appends a section to the page being produced (or leaves it as it is)."""


@dataclass(frozen=True)
class PageSection:
    """A section added to every page of ``kind``, after the page's own content.

    Sections of one kind are appended by ``order`` (lower first), then in the order they were
    contributed. ``name`` says what the section is, in messages.
    """

    kind: Enum
    name: str
    write: SectionWriter
    order: int = 0


class ContributionFailed(Exception):
    """A page or section could not be rendered; ``owner`` is the plugin that contributed it."""

    def __init__(self, owner: str, problem: TemplateProblem) -> None:
        super().__init__(str(problem))
        self.owner = owner
        self.problem = problem


class DuplicatePage(ValueError):
    """Two contributions claim the same page source path."""


@dataclass(frozen=True)
class _Owned:
    owner: str
    page: GeneratedPage


@dataclass(frozen=True)
class _OwnedSection:
    owner: str
    section: PageSection
    rank: int


class PageRegistry:
    """Every generated page and page section of one build, and the build's site sections.

    ``site_sections`` names the generated sections that exist (``actors``, ``timeline`` …), so
    links to them are made; plugins declare theirs with :meth:`add_site_section` before the
    core plugin builds its view context. ``context`` is that context once the dossier is loaded.
    """

    def __init__(self) -> None:
        self.context: ViewContext | None = None
        self.site_sections: set[str] = set()
        self._pages: dict[str, _Owned] = {}
        self._sections: dict[Enum, list[_OwnedSection]] = {}

    # -- contributions -----------------------------------------------------------------------
    def add_site_section(self, name: str) -> None:
        self.site_sections.add(name)

    def add_page(self, owner: str, page: GeneratedPage) -> None:
        """Register ``page`` for the plugin ``owner``; a source path is taken once."""
        taken = self._pages.get(page.src_uri)
        if taken is not None:
            raise DuplicatePage(
                f"{owner} and {taken.owner} both generate the page {page.src_uri}"
            )
        self._pages[page.src_uri] = _Owned(owner, page)

    def add_section(self, owner: str, section: PageSection) -> None:
        """Append ``section`` to every page of ``section.kind`` (registered before or after)."""
        sections = self._sections.setdefault(section.kind, [])
        sections.append(_OwnedSection(owner, section, len(sections)))
        sections.sort(key=lambda s: (s.section.order, s.rank))

    # -- queries -----------------------------------------------------------------------------
    def page(self, src_uri: str) -> GeneratedPage | None:
        owned = self._pages.get(src_uri)
        return owned.page if owned else None

    def pages(self, kind: Enum | None = None) -> Iterator[GeneratedPage]:
        """The registered pages (of ``kind``), in registration order."""
        return (o.page for o in self._pages.values() if kind is None or o.page.kind is kind)

    def sections(self, kind: Enum) -> list[PageSection]:
        return [s.section for s in self._sections.get(kind, ())]

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self._pages

    # -- rendering ---------------------------------------------------------------------------
    def produce(self, src_uri: str) -> PageDoc:
        """The page at ``src_uri``: its producer's title, meta and body, then its sections."""
        owned = self._pages[src_uri]
        page = owned.page
        with _owned_by(owned.owner):
            doc = page.produce()
        for contribution in self._sections.get(page.kind, ()):
            with _owned_by(contribution.owner):
                contribution.section.write(doc, page)
        return doc


@contextmanager
def _owned_by(owner: str) -> Iterator[None]:
    """Re-raise a template problem as a :class:`ContributionFailed` of ``owner``."""
    try:
        yield
    except TemplateProblem as problem:
        raise ContributionFailed(owner, problem) from None
