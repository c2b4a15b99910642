"""Fetch a web page for ingest: http(s) only, with a timeout, a size limit and few redirects.

The request names Briefbook and its version in its User-Agent. Redirects are followed up to
:data:`MAX_REDIRECTS`, and only to http(s) addresses; the body is read up to the size limit of
:mod:`~briefbook.authoring.ingest.limits` and refused past it, without reading the rest.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import IO
from urllib.parse import urljoin, urlsplit

from briefbook.authoring.ingest.limits import MAX_HTML_BYTES, InputRefused, check_size

TIMEOUT_SECONDS = 20.0
"""For the connection and for each read; a page that stalls longer is given up."""
TOTAL_SECONDS = 60.0
"""For the whole page: a server that sends it a trickle at a time is given up after this."""
MAX_REDIRECTS = 5
_CHUNK = 65_536


@dataclass(frozen=True)
class Fetched:
    """A fetched page: its text, and the address it was finally read from."""

    text: str
    url: str
    is_html: bool


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("briefbook")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        number = "unknown"
    return f"Briefbook/{number} (+briefbook ingest; an analyst's article import)"


def is_fetchable(address: str) -> bool:
    """Whether ``address`` is one ``briefbook ingest`` fetches (absolute http or https)."""
    parts = urlsplit(address)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most :data:`MAX_REDIRECTS` redirects, each to an http(s) address."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Message,
    ) -> object:
        location = headers.get("Location") or headers.get("URI") or ""
        target = urljoin(req.full_url, location.strip())
        if location and not is_fetchable(target):
            raise InputRefused(f"{req.full_url} redirects to '{target}', which is not an "
                               "http(s) address; nothing was fetched from it")
        return super().http_error_302(req, fp, code, msg, headers)  # type: ignore[arg-type]

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self, req: urllib.request.Request, fp: object, code: int, msg: str,
        headers: Message, newurl: str,
    ) -> urllib.request.Request | None:
        if not is_fetchable(newurl):
            raise InputRefused(f"{req.full_url} redirects to '{newurl}', which is not an http(s) "
                               "address; nothing was fetched from it")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def fetch(address: str) -> Fetched:
    """The page at ``address``; :class:`InputRefused` saying why when it cannot be had."""
    if not is_fetchable(address):
        raise InputRefused(f"'{address}' is not an http(s) address")
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(address, headers={
        "User-Agent": user_agent(),
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    })
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
            if encoding != "identity":
                raise InputRefused(
                    f"{address} sent the page compressed ({encoding}) though Briefbook asked "
                    "for it as it is; save the page from a browser and ingest the file")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit():
                check_size(int(declared), True)
            data = bytearray()
            started = time.monotonic()
            while chunk := response.read1(_CHUNK):
                data += chunk
                if len(data) > MAX_HTML_BYTES:
                    check_size(len(data), True, at_least=True)
                if time.monotonic() - started > TOTAL_SECONDS:
                    raise InputRefused(
                        f"{address} took more than {TOTAL_SECONDS:g} s to send the page; save "
                        "it from a browser and ingest the file")
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise InputRefused(f"{address} redirects more than {MAX_REDIRECTS} times; give "
                               "the article's final address") from None
        raise InputRefused(f"{exc.url} answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputRefused(f"cannot fetch {address}: {exc.reason}") from None
    except TimeoutError:
        raise InputRefused(f"{address} did not answer within {TIMEOUT_SECONDS:g} s") from None
    except (OSError, ValueError) as exc:
        raise InputRefused(f"cannot fetch {address}: {exc}") from None
    is_html = content_type in ("text/html", "application/xhtml+xml")
    if not is_html and not content_type.startswith("text/"):
        raise InputRefused(f"{final} is {content_type}, not a web page or text")
    return Fetched(decode(bytes(data), charset), final, is_html)


def decode(data: bytes, charset: str | None = None) -> str:
    """The text of a page: in its declared character set, else as trafilatura guesses it (from
    ``<meta charset>``, else from the bytes)."""
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    from trafilatura.utils import decode_file

    text = decode_file(data)
    return text if isinstance(text, str) else data.decode("utf-8", errors="replace")

