"""The ASGI application ``broadsheet serve`` runs: baked files first, Django for the rest.

Why a small ASGI application and not granian's static-file option: granian's
option cannot fall through to the application for a path it has no file for
(docs/performance.md, "Serving"), sends no ETag or Last-Modified and knows no
precompressed variants. Why ASGI rather than granian's RSGI: the fall-through
is Django's own ASGI handler, unchanged, and both interfaces served a baked
page at the same speed here. Why not WhiteNoise: it serves ``STATIC_ROOT``, not
a tree of pages that an incremental bake rewrites while it runs, and it
measured at about half this speed.
"""

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .files import BakedFile, BakedSite, is_dynamic

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

NOT_FOUND_CACHE_CONTROL = "no-cache"
READ_CHUNK = 256 * 1024


class BakedSiteApplication:
    """Answers GET and HEAD from the bake; hands everything else to ``fallback``.

    ``fallback`` (Django) gets: other methods, the dynamic prefixes (admin,
    search, reader reports, /jump/, documents), and any path with no baked
    file. When Django answers a public path with 404, the baked ``404.html``
    replaces its body, as nginx's ``error_page 404`` does in deploy/nginx.conf.
    """

    def __init__(self, site: BakedSite, fallback: ASGIApp):
        self.site = site
        self.fallback = fallback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
            return
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or is_dynamic(scope["path"]):
            await self.fallback(scope, receive, send)
            return
        path = scope["path"]
        accept_encoding = if_none_match = if_modified_since = None
        for name, value in scope["headers"]:
            if name == b"accept-encoding":
                accept_encoding = value.decode("latin-1")
            elif name == b"if-none-match":
                if_none_match = value.decode("latin-1")
            elif name == b"if-modified-since":
                if_modified_since = value.decode("latin-1")
        baked = self.site.find(path, accept_encoding)
        if baked is not None:
            if baked.is_not_modified(if_none_match, if_modified_since):
                await send_not_modified(send, baked)
            else:
                await self.send_file(scope, send, 200, baked, baked.raw_headers)
            return
        location = None
        if "." not in path.rpartition("/")[2] and self.site.has_page(path):
            location, status = path + "/", 301
        elif (redirect := self.site.redirect(path)) is not None:
            location, status = redirect.location, redirect.status
        if location is not None:
            query = scope.get("query_string") or b""
            if query and "?" not in location:
                location += "?" + query.decode("latin-1")
            await send_redirect(send, status, location)
            return
        await self.fallback_with_baked_404(scope, receive, send, accept_encoding)

    async def fallback_with_baked_404(self, scope: Scope, receive: Receive, send: Send, accept_encoding: str | None):
        not_found: BakedFile | None = None

        async def send_unless_404(message: Message) -> None:
            nonlocal not_found
            if message["type"] == "http.response.start" and message["status"] == 404:
                not_found = self.site.file("404.html", accept_encoding)
            if not_found is None:
                await send(message)

        await self.fallback(scope, receive, send_unless_404)
        if not_found is not None:
            headers = [
                (name, value)
                for name, value in not_found.headers()
                if name not in ("etag", "last-modified", "cache-control")
            ]
            headers += [("cache-control", NOT_FOUND_CACHE_CONTROL), ("content-length", str(not_found.size))]
            raw_headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers]
            await self.send_file(scope, send, 404, not_found, raw_headers)

    async def send_file(
        self, scope: Scope, send: Send, status: int, baked: BakedFile, raw_headers: list[tuple[bytes, bytes]]
    ) -> None:
        if scope["method"] == "HEAD":
            await send({"type": "http.response.start", "status": status, "headers": raw_headers})
            await send({"type": "http.response.body", "body": b""})
            return
        body = self.site.read(baked)
        if body is not None and len(body) != baked.size:
            # Rewritten between the lookup and the read: describe what is sent.
            stale = (b"content-length", b"etag", b"last-modified")
            raw_headers = [header for header in raw_headers if header[0] not in stale]
            raw_headers.append((b"content-length", str(len(body)).encode("ascii")))
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        if body is not None:
            await send({"type": "http.response.body", "body": body})
        elif "http.response.pathsend" in (scope.get("extensions") or {}):
            await send({"type": "http.response.pathsend", "path": baked.path})
        else:
            await send_chunks(send, baked.path)


async def send_not_modified(send: Send, baked: BakedFile) -> None:
    headers = [
        (name.encode("latin-1"), value.encode("latin-1"))
        for name, value in baked.headers()
        if name not in ("content-type", "content-encoding")
    ]
    await send({"type": "http.response.start", "status": 304, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


async def send_redirect(send: Send, status: int, location: str) -> None:
    headers = [(b"location", location.encode("utf-8")), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


async def send_chunks(send: Send, path: str) -> None:
    with open(path, "rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
    await send({"type": "http.response.body", "body": b""})


async def lifespan(receive: Receive, send: Send) -> None:
    """Nothing to start or stop; Django's handler does not speak lifespan."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def create_application() -> BakedSiteApplication:
    """The factory granian calls in each worker process."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.production")
    from django.core.asgi import get_asgi_application

    from .files import configured_bake_dir
    from .server import BAKE_DIR_HANDOFF

    django_application = get_asgi_application()
    bake_dir = os.environ.get(BAKE_DIR_HANDOFF) or configured_bake_dir()
    return BakedSiteApplication(BakedSite(bake_dir), django_application)
