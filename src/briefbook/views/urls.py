"""Where every generated page lives, and links between pages as relative URLs."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class SiteUrls:
    """Maps dossier objects to page source paths and relative URLs, like MkDocs does.

    ``sections`` names the generated sections that exist in this build (``actors``, ``topics``,
    ``timeline`` …): a link to a page of a section that is not built is not made.
    """

    use_directory_urls: bool = True
    sections: set[str] = field(default_factory=lambda: {"briefs"})

    # -- source paths of generated pages -------------------------------------------------
    @staticmethod
    def brief_src(brief_id: str) -> str:
        return f"briefs/{brief_id}.md"

    @staticmethod
    def actor_src(actor_id: str) -> str:
        return f"actors/{actor_id}.md"

    @staticmethod
    def actor_briefs_src(actor_id: str, page: int) -> str:
        """Page 2, 3 … of the briefs about an actor (page 1 is on the actor page itself)."""
        if page <= 1:
            return f"actors/{actor_id}.md"
        return f"actors/{actor_id}/briefs/{page}.md"

    @staticmethod
    def topic_src(topic_id: str) -> str:
        return f"topics/{topic_id}.md"

    @staticmethod
    def section_src(section: str, page: int = 1) -> str:
        return f"{section}/index.md" if page <= 1 else f"{section}/page/{page}.md"

    # -- URLs ------------------------------------------------------------------------------
    def url(self, src_uri: str) -> str:
        """The site-relative URL MkDocs gives to the page at ``src_uri``."""
        return _page_url(src_uri, self.use_directory_urls)

    def link(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """A relative URL from one page to another (or to an anchor on it)."""
        rel = _relative(self.url(to_src), _directory(self.url(from_src)))
        if not self.use_directory_urls and rel.endswith("/"):
            rel += "index.html"
        return rel + (f"#{anchor}" if anchor else "")

    def file(self, from_src: str, path: str) -> str:
        """A relative URL from a page to a file at the site root (``dossier.json``)."""
        return _relative(path, _directory(self.url(from_src)))

    def actor(self, from_src: str, actor_id: str) -> str | None:
        return self.link(from_src, self.actor_src(actor_id)) if "actors" in self.sections else None

    def topic(self, from_src: str, topic_id: str) -> str | None:
        return self.link(from_src, self.topic_src(topic_id)) if "topics" in self.sections else None

    def brief(self, from_src: str, brief_id: str, anchor: str = "") -> str:
        return self.link(from_src, self.brief_src(brief_id), anchor)

    def section(self, from_src: str, section: str, anchor: str = "") -> str | None:
        if section not in self.sections:
            return None
        return self.link(from_src, self.section_src(section), anchor)


@lru_cache(maxsize=16384)
def _page_url(src_uri: str, use_directory_urls: bool) -> str:
    stem, _ = posixpath.splitext(src_uri)
    directory, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{directory}/" if directory else ""
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def _directory(url: str) -> str:
    """The folder a page URL resolves relative links against (``briefs/x/`` or ``briefs/``)."""
    if not url or url.endswith("/"):
        return url
    return url.rsplit("/", 1)[0] + "/" if "/" in url else ""


@lru_cache(maxsize=65536)
def _relative(target: str, base_dir: str) -> str:
    """``target`` (site-relative) as seen from the folder ``base_dir``; cheap and cached."""
    target_parts = target.split("/")
    base_parts = base_dir.split("/")[:-1]
    common = 0
    limit = min(len(base_parts), len(target_parts) - 1)
    while common < limit and base_parts[common] == target_parts[common]:
        common += 1
    rel = "../" * (len(base_parts) - common) + "/".join(target_parts[common:])
    return rel or "./"
