"""A local HTTP server that replays recorded API responses under their real paths.

Layout of a snapshot directory: the request path is a folder and the canonical (sorted) query
string is the file name, ``index`` when there is none:

    GET /v0/postings/acme?mode=json&skip=0&limit=100
    -> <root>/v0/postings/acme/limit=100&mode=json&skip=0.json

``<root>/robots.txt`` is served when present, and so is any other file under its own path
(``/careers/sitemap.xml``, ``/careers/jobs/42.html``: career pages for the JSON-LD spider;
``/remote-jobs.rss``: an RSS feed), with
the content type of its extension. Anything else is a 404, as a real API would give for an
unknown board. The server binds to 127.0.0.1 only.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

STATIC_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml", ".html": "text/html; charset=utf-8"}


def response_file(root: Path, path: str, query: str) -> Path:
    canonical = urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
    return root / unquote(path).strip("/") / f"{canonical or 'index'}.json"


class ReplayServer:
    def __init__(self, root: Path | str, port: int = 0, delay: float = 0.0):
        """``delay``: seconds every answer waits, as a slow source would (tests that stop a run
        in the middle of its crawl)."""
        self.root = Path(root).resolve()
        root_dir = self.root

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the real APIs answer
            # headers and body go out as two writes: without this, Nagle's algorithm and the
            # client's delayed ACK hold every answer back ~40 ms (183 requests/s, measured)
            disable_nagle_algorithm = True

            def do_GET(self):
                if delay:
                    time.sleep(delay)
                parts = urlsplit(self.path)
                static = root_dir / unquote(parts.path).lstrip("/")
                if parts.path == "/robots.txt":
                    target, content_type = root_dir / "robots.txt", "text/plain"
                elif not parts.query and static.suffix in STATIC_TYPES and static.is_file():
                    target, content_type = static, STATIC_TYPES[static.suffix]
                else:
                    target = response_file(root_dir, parts.path, parts.query)
                    content_type = "application/json; charset=utf-8"
                try:
                    resolved = target.resolve()
                    resolved.relative_to(root_dir)  # no escaping the snapshot with ../
                    body = resolved.read_bytes()
                except (OSError, ValueError):
                    self.send_error(404, "not in the snapshot")
                    return
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="replay-server", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
