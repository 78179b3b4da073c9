"""Keep a Playwright browser context on one server: every other request is refused and listed."""

from __future__ import annotations

from urllib.parse import urlparse


def only_this_server(context, server: str) -> list[str]:
    """Let `context` reach `server` (scheme://host:port) only; return the list it adds refused URLs to."""
    origin = urlparse(server).netloc
    refused: list[str] = []

    def route(request_route):
        if urlparse(request_route.request.url).netloc == origin:
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    return refused
