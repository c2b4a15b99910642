"""What every view receives: the model, its index, URLs and the template renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from briefbook.i18n.translator import Translator
from briefbook.index.lookups import Index
from briefbook.model.dossier import Brief, Dossier
from briefbook.render.environment import Renderer
from briefbook.render.markdown_body import BodyRenderer
from briefbook.views.counts import DossierCounts, dossier_counts
from briefbook.views.stances import StanceRecord, stance_records
from briefbook.views.urls import SiteUrls


@dataclass
class Chip:
    """A labelled link (or plain label when its page is not built) shown as a Material tag."""

    label: str
    url: str | None = None
    kind: str = ""
    title: str = ""


@dataclass
class ViewContext:
    """Shared inputs of the views. ``options`` holds plugin settings views may read.

    ``question_pages`` maps a question id to the source path of the questions page that lists
    it (the register is split into pages on large dossiers); unlisted ids live on the first.
    """

    dossier: Dossier
    index: Index
    urls: SiteUrls
    renderer: Renderer
    options: dict[str, Any] = field(default_factory=dict)
    question_pages: dict[str, str] = field(default_factory=dict)
    # renders a body on its own, for pages that join several (the site's extensions in a build)
    body_renderer: BodyRenderer = field(default_factory=BodyRenderer)
    tag_anchors: dict[str, str] = field(default_factory=dict)  # set when tags/ is built

    @cached_property
    def stances(self) -> dict[tuple[str, str], StanceRecord]:
        """Each actor's stance on each topic, with its history (computed once per build)."""
        return stance_records(self.index)

    @cached_property
    def counts(self) -> DossierCounts:
        """The dossier's totals, shared by every page that shows one (computed once)."""
        return dossier_counts(self.dossier, self.index)

    @property
    def t(self) -> Translator:
        return self.renderer.t

    def render(self, name: str, **context: Any) -> str:
        return self.renderer.render(name, **context)

    def actor_chip(self, from_src: str, actor_id: str) -> Chip:
        actor = self.dossier.actors.get(actor_id)
        label = actor.name if actor else actor_id
        role = actor.role if actor else ""
        return Chip(label, self.urls.actor(from_src, actor_id), "actor", role)

    def topic_chip(self, from_src: str, topic_id: str) -> Chip:
        topic = self.dossier.topics.get(topic_id)
        label = topic.title if topic else topic_id
        return Chip(label, self.urls.topic(from_src, topic_id), "topic")

    def brief_link(self, from_src: str, brief: Brief, anchor: str = "") -> Chip:
        return Chip(brief.title, self.urls.brief(from_src, brief.id, anchor), "brief")

    def question_url(self, from_src: str, question_id: str) -> str | None:
        """Link to a question's entry in the questions register, if that section is built."""
        if "questions" not in self.urls.sections:
            return None
        target = self.question_pages.get(question_id, self.urls.section_src("questions"))
        return self.urls.link(from_src, target, anchor=question_id)
