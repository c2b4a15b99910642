"""Serve a built site over HTTP on 127.0.0.1, as a static host such as GitHub Pages would.

A missing path answers 404 with the site's ``404.html`` (GitHub Pages does the same), and a
folder without its trailing slash is redirected to ``folder/``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files without the request log, with the site's 404 page for missing paths."""

    not_found_page: Path | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = self.not_found_page
        if code != 404 or page is None or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@contextmanager
def serve(root: Path, not_found_page: Path | None = None) -> Iterator[str]:
    """Serve ``root`` on a free port of 127.0.0.1; yields the origin, e.g. ``http://127.0.0.1:4711``.

    ``not_found_page`` defaults to ``root/404.html``; pass the page of a site copied below
    ``root`` (a project site under a sub-path) to answer as that site's host would.
    """
    handler_class = type(
        "SiteHandler", (_QuietHandler,),
        {"not_found_page": not_found_page or root / "404.html"},
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler_class, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-http", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


__all__ = ["serve"]
