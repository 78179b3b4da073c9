"""Serve a folder on 127.0.0.1 the way a static host does: text compressed with gzip.

Usage: python scripts/serve_gzip.py [FOLDER] [--port N]   (FOLDER defaults to _build/html)

`make bench` uses it so that Lighthouse measures what a reader would download. Compressed
bodies are cached in memory, so each version of a file is compressed once.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import threading
from pathlib import Path
from typing import ClassVar

# The types static hosts compress; fonts (woff2 is already compressed) and images are sent as they are.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".bib", ".ttf"}
GZIP_LEVEL = 6


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    _cache: ClassVar[dict[tuple[Path, int], bytes]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = self._compressed(path.resolve())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    @classmethod
    def _compressed(cls, path: Path) -> bytes:
        key = (path, path.stat().st_mtime_ns)  # a rebuilt file is compressed afresh
        with cls._lock:
            if key not in cls._cache:
                cls._cache[key] = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
            return cls._cache[key]


def precompress(folder: Path) -> None:
    """Compress every compressible file now, so no request waits on (or competes with) compression."""
    for path in folder.rglob("*"):
        if path.suffix in COMPRESSIBLE and path.is_file():
            GzipHandler._compressed(path.resolve())


def start(folder: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` in a background thread; return the server and its base URL."""
    precompress(folder)
    handler = functools.partial(GzipHandler, directory=str(folder.resolve()))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="_build/html", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    httpd, url = start(args.folder, args.port)
    print(f"Serving {args.folder} gzip-compressed at {url}/ (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        httpd.shutdown()


if __name__ == "__main__":
    main()
