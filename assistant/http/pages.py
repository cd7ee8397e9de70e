"""What a browser gets: the web page at `/` (package data, no build step, no CDN), the interactive API
docs at `/docs` (Swagger UI from the swagger-ui-py package, served from this machine) and /openapi.json."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import File

from assistant.http.openapi import publish

STATIC = resources.files("assistant.http") / "static"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
}
_SWAGGER_FILES = ("swagger-ui.css", "swagger-ui-bundle.js")
_SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
}


def _static(name: str) -> Response[bytes]:
    resource = STATIC / name
    if not resource.is_file():
        raise NotFoundException(f"no file {name!r}")
    return Response(
        resource.read_bytes(),
        media_type=_TYPES.get(Path(name).suffix, "application/octet-stream"),
        headers={**_SECURITY, "cache-control": "no-cache"},
    )


@get("/", include_in_schema=False)
async def index() -> Response[bytes]:
    """The web page: ask, read the answer with its cited paragraph, follow up, browse facts."""
    return _static("index.html")


@get("/static/{name:str}", include_in_schema=False)
async def static(name: FromPath[str]) -> Response[bytes]:
    if name not in {"app.css", "app.js", "docs.js"}:
        raise NotFoundException(f"no file {name!r}")
    return _static(name)


def swagger_dir() -> Path | None:
    """Where swagger-ui-py keeps Swagger UI's files, found without importing the package."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "static"
    return folder if all((folder / name).is_file() for name in _SWAGGER_FILES) else None


@get("/docs", include_in_schema=False)
async def docs() -> Response[bytes]:
    """Swagger UI over /openapi.json: try every endpoint from the browser."""
    return _static("docs.html")


@get("/docs/{name:str}", include_in_schema=False)
async def swagger_file(name: FromPath[str]) -> File:
    folder = swagger_dir()
    if folder is None or name not in _SWAGGER_FILES:
        raise NotFoundException(f"no file {name!r}")
    return File(
        folder / name,
        filename=name,
        media_type=_TYPES[Path(name).suffix],
        content_disposition_type="inline",
        headers={"cache-control": "max-age=86400", "x-content-type-options": "nosniff"},
    )


@get("/openapi.json", include_in_schema=False)
async def openapi(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """The OpenAPI 3.1 document, answer schemas as the Python API publishes them."""
    state = request.app.state
    if state.get("openapi") is None:
        state.openapi = publish(request.app.openapi_schema.to_schema(), state.get("example"))
    return state.openapi  # type: ignore[no-any-return]


PAGES = [index, static, docs, swagger_file, openapi]
