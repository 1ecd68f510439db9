"""A local HTTP server that misbehaves on cue, for the crawl fault tests.

Each request path (with its query) has a script: a list of actions taken in turn, the last one
repeated. An action is ``("ok",)`` (serve the fixture file under the real path), ``("status",
code, headers)``, ``("body", bytes, content_type)``, ``("drop",)`` (close the connection without
an answer) or ``("stall", seconds)`` (say nothing for that long). Every request is logged with
its time, so that tests can assert what was fetched, when and how often."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from demo.replay import response_file


class FaultServer:
    def __init__(
        self, root: Path, scripts: dict[str, list[tuple]], robots: str = "User-agent: *\nAllow: /\n"
    ):
        self.root, self.scripts, self.log = Path(root), {k: list(v) for k, v in scripts.items()}, []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.log.append((self.path, time.monotonic()))
                if self.path == "/robots.txt":
                    return self.answer(200, robots.encode(), "text/plain")
                script = server.scripts.get(self.path)
                action = ("ok",) if not script else (script.pop(0) if len(script) > 1 else script[0])
                kind = action[0]
                if kind == "ok":
                    path, _, query = self.path.partition("?")
                    target = response_file(server.root, path, query)
                    if not target.exists():
                        return self.answer(404, b"not found", "text/plain")
                    return self.answer(200, target.read_bytes(), "application/json")
                if kind == "status":
                    return self.answer(action[1], b'{"error": "try later"}', "application/json", action[2])
                if kind == "body":
                    return self.answer(200, action[1], action[2])
                if kind == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return None
                if kind == "stall":
                    time.sleep(action[1])
                    return None
                raise ValueError(f"unknown action {action!r}")

            def answer(self, code, body, content_type, headers=None):
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def hits(self, path: str) -> list[float]:
        return [t for p, t in self.log if p == path]

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
