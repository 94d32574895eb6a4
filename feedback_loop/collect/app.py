"""The collector service (`feedback-loop collect`): a Starlette ASGI app, served by uvicorn.

Endpoints:

``POST /v1/traces``, ``POST /v1/logs``  OTLP/HTTP, protobuf (``application/x-protobuf``) or JSON
                                   (``application/json``), optionally gzip-compressed; GenAI spans and events
                                   become events (:mod:`feedback_loop.collect.otel`), the rest is quarantined or
                                   ignored; the response is the OTLP export response, with ``partial_success``
                                   counting the rejected records
``POST /v1/events``                this project's events as a JSON array or NDJSON (:mod:`~.events`)
``GET /v1/champion``               what to serve (:func:`feedback_loop.serve.champion.serving_state`); query
                                   ``user_id`` (and ``user_segment``) for one user's arms
``GET /healthz``                   liveness and counters (no token needed)

A request is answered only after its lines are on disk (:class:`~.landing.LandingSpool`), with 200; with a data
root in object storage, on this machine's spool, from which :class:`~.landing.SegmentUploader` uploads each
published segment to the bucket. Errors:
400 names the position and field of every problem found (nothing of the request lands); 401 without the
right bearer token; 413 above :attr:`CollectorConfig.max_request_bytes`; 415 for an unknown content type or
encoding; 429 with ``Retry-After`` when :attr:`CollectorConfig.max_in_flight` requests are in progress or
:attr:`CollectorConfig.max_pending_bytes` wait for the disk; 503 with ``Retry-After`` when the disk write
failed. OTLP errors carry a ``google.rpc.Status`` body in the request's encoding, as OTLP/HTTP asks.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import ipaddress
import zlib
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from feedback_loop.collect import otel
from feedback_loop.collect.events import BatchError, parse_event_batch
from feedback_loop.collect.landing import LandingSpool, SegmentUploader, utc_day
from feedback_loop.collect.records import Mapped, landing_line

if TYPE_CHECKING:
    from feedback_loop.settings import Settings

OTLP_MEDIA_TYPES = {"application/x-protobuf": "protobuf", "application/json": "json"}
# What a body of this project's events may be declared as: a JSON array, or NDJSON under its several names.
EVENTS_MEDIA_TYPES = frozenset(
    ("application/json", "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines")
)
# google.rpc.Code of each error status, for the OTLP error bodies.
_RPC_CODES = {400: 3, 401: 16, 413: 8, 415: 3, 429: 8, 503: 14}


@dataclass(frozen=True)
class CollectorConfig:
    """Limits and landing-file rotation of the collector."""

    max_request_bytes: int = 8 * 2**20
    """Largest request body, after decompression; a larger one gets 413."""
    max_events_per_request: int = 10_000
    """Most events in one `POST /v1/events`; more get 400."""
    max_in_flight: int = 256
    """Requests being read, checked or written at once; one more gets 429."""
    max_pending_bytes: int = 64 * 2**20
    """Accepted bytes still waiting for the disk; beyond this, new requests get 429."""
    retry_after_seconds: int = 1
    """The `Retry-After` of a 429 or 503."""
    rotate_seconds: float = 60.0
    """Age at which a landing segment is published to ingestion (and a new one started)."""
    rotate_bytes: int = 64 * 2**20
    """Size at which a landing segment is published."""
    upload_retry_seconds: float = 5.0
    """With a data root in object storage: how long after a failed upload of a landing file it is tried again."""


class CollectorSetupError(ValueError):
    """The collector cannot start as configured (a missing token where one is required, an empty token file)."""


class HttpError(Exception):
    def __init__(self, status: int, message: str, problems: list[dict] | None = None, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.problems = problems
        self.retry_after = retry_after


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1); anything else reaches other machines."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def read_token(token_file: Path | None, host: str) -> bytes | None:
    """The bearer token from ``token_file``; refuses to run without one on an address beyond loopback."""
    if token_file is None:
        if not is_loopback(host):
            raise CollectorSetupError(
                f"refusing to listen on {host} without a token: set FEEDBACK_LOOP_COLLECTOR_TOKEN_FILE (or "
                "collector_token_file in the settings file) to a file holding the bearer token, or listen on "
                "127.0.0.1"
            )
        return None
    try:
        token = token_file.read_bytes().strip()
    except OSError as error:
        raise CollectorSetupError(
            f"collector token file {token_file} (FEEDBACK_LOOP_COLLECTOR_TOKEN_FILE): cannot read it ({error})"
        ) from error
    if not token:
        raise CollectorSetupError(f"collector token file {token_file} (FEEDBACK_LOOP_COLLECTOR_TOKEN_FILE) is empty")
    return token


class Collector:
    """The state behind the endpoints: the landing spool, the token, the limits and the counters."""

    def __init__(
        self,
        landing_dir: Path,
        token: bytes | None,
        config: CollectorConfig,
        champion: Callable[[str | None, str | None], dict] | None,
    ):
        self.landing_dir = landing_dir
        self.uploader: SegmentUploader | None = None
        self.token = token
        self.config = config
        self.champion = champion
        self.spool: LandingSpool | None = None
        self.in_flight = 0
        self.counts = {"requests": 0, "accepted_events": 0, "rejected_records": 0, "ignored_records": 0}

    def wake_uploader(self) -> None:
        """The spool published a segment: upload it now (with a data root in object storage)."""
        if self.uploader is not None:
            self.uploader.wake()

    # --- endpoints ----------------------------------------------------------------------------------------------
    async def events(self, request: Request) -> Response:
        return await self._receive(request, "events", self._parse_events)

    async def traces(self, request: Request) -> Response:
        return await self._receive(request, "traces", self._parse_traces)

    async def logs(self, request: Request) -> Response:
        return await self._receive(request, "logs", self._parse_logs)

    async def healthz(self, request: Request) -> Response:
        spool = self.spool
        failure = spool.failure if spool else None
        body = {
            "status": "ok" if failure is None else f"failed: {failure!r}",
            **self.counts,
            "in_flight": self.in_flight,
            "pending_bytes": spool.pending_bytes if spool else 0,
            "published_segments": spool.published if spool else 0,
            "recovered_segments": len(spool.recovered) if spool else 0,
        }
        uploader = self.uploader
        if uploader is not None:
            # Failing uploads leave the collector healthy (what it accepts is on its disk, and retried): they are
            # reported, not a reason to restart it.
            waiting = await run_in_threadpool(uploader.waiting)
            body.update(uploaded_segments=uploader.uploaded, upload_waiting=len(waiting), upload_error=uploader.failure)
        return JSONResponse(body, status_code=200 if failure is None else 503)

    async def champion_endpoint(self, request: Request) -> Response:
        try:
            self._authorize(request)
        except HttpError as error:
            return self._error("events", None, error)
        if self.champion is None:
            return JSONResponse({"error": "this collector serves no registry"}, status_code=404)
        state = await run_in_threadpool(
            self.champion, request.query_params.get("user_id"), request.query_params.get("user_segment")
        )
        return JSONResponse(state)

    # --- the shared path of every POST ----------------------------------------------------------------------------
    async def _receive(self, request: Request, kind: str, parse) -> Response:
        encoding = None
        admitted = False
        try:
            self._authorize(request)
            if kind == "events":
                self._check_events_media_type(request)
            else:
                encoding = self._otlp_encoding(request)
            self._admit()
            admitted = True
            self.in_flight += 1
            self.counts["requests"] += 1
            body = await self._body(request)
            parsed = parse(body, encoding)
            if parsed.lines:
                await self._land(b"".join(parsed.lines))
            for name, count in parsed.counts.items():
                self.counts[name] += count
            return parsed.response
        except HttpError as error:
            return self._error(kind, encoding, error)
        finally:
            if admitted:
                self.in_flight -= 1

    def _authorize(self, request: Request) -> None:
        if self.token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        # compare_digest takes as long whatever matches, so the time of a refusal says nothing about the token.
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token):
            raise HttpError(401, "a valid bearer token is required (Authorization: Bearer <token>)")

    def _admit(self) -> None:
        config = self.config
        pending = self.spool.pending_bytes if self.spool else 0
        if self.in_flight >= config.max_in_flight or pending >= config.max_pending_bytes:
            raise HttpError(
                429,
                f"overloaded ({self.in_flight} requests in progress, {pending} bytes waiting for the disk)",
                retry_after=config.retry_after_seconds,
            )

    @staticmethod
    def _check_events_media_type(request: Request) -> None:
        """Refuse a body declared as something other than JSON or NDJSON; one declared as nothing is read as
        either. (``curl -d`` declares a form and a browser's ``fetch`` of a string plain text: both need the header.)"""
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type and media_type not in EVENTS_MEDIA_TYPES:
            raise HttpError(415, f"Content-Type must be one of {sorted(EVENTS_MEDIA_TYPES)}, got {media_type!r}")

    @staticmethod
    def _otlp_encoding(request: Request) -> str:
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in OTLP_MEDIA_TYPES:
            raise HttpError(415, f"Content-Type must be one of {sorted(OTLP_MEDIA_TYPES)}, got {media_type!r}")
        return OTLP_MEDIA_TYPES[media_type]

    async def _body(self, request: Request) -> bytes:
        limit = self.config.max_request_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise HttpError(413, f"the body has {declared} bytes; the limit is {limit}")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HttpError(413, f"the body exceeds the limit of {limit} bytes")
            chunks.append(chunk)
        body = b"".join(chunks)
        content_encoding = request.headers.get("content-encoding", "identity").strip().lower()
        if content_encoding == "gzip":
            return _gunzip(body, limit)
        if content_encoding not in ("", "identity"):
            raise HttpError(415, f"Content-Encoding must be gzip or identity, got {content_encoding!r}")
        return body

    async def _land(self, data: bytes) -> None:
        if self.spool is None:
            raise RuntimeError("the landing spool is not open: the app's lifespan has not started")
        try:
            await asyncio.wrap_future(self.spool.submit(utc_day(), data))
        except OSError as error:
            raise HttpError(
                503,
                f"the landing folder could not store the batch ({error})",
                retry_after=self.config.retry_after_seconds,
            ) from error

    # --- parsers: the landing lines, and the response to send once they are on disk -------------------------------
    def _parse_events(self, body: bytes, encoding: None) -> _Parsed:
        try:
            lines = parse_event_batch(body, self.config.max_events_per_request)
        except BatchError as error:
            raise HttpError(400, str(error), [problem.as_dict() for problem in error.problems]) from error
        return _Parsed(lines, JSONResponse({"accepted": len(lines)}), {"accepted_events": len(lines)})

    def _parse_traces(self, body: bytes, encoding: str) -> _Parsed:
        from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceResponse

        mapped = otel.map_traces(self._decode(otel.decode_traces, body, encoding))
        response = ExportTraceServiceResponse()
        if mapped.rejections:
            response.partial_success.rejected_spans = len(mapped.rejections)
            response.partial_success.error_message = _rejection_summary(mapped)
        return _parsed_otlp(mapped, _otlp_response(response, encoding))

    def _parse_logs(self, body: bytes, encoding: str) -> _Parsed:
        from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceResponse

        mapped = otel.map_logs(self._decode(otel.decode_logs, body, encoding))
        response = ExportLogsServiceResponse()
        if mapped.rejections:
            response.partial_success.rejected_log_records = len(mapped.rejections)
            response.partial_success.error_message = _rejection_summary(mapped)
        return _parsed_otlp(mapped, _otlp_response(response, encoding))

    @staticmethod
    def _decode(decoder, body: bytes, encoding: str):
        try:
            return decoder(body, encoding)
        except otel.OtlpRequestError as error:
            problem = {"position": error.position, "field": None, "message": error.message}
            raise HttpError(400, str(error), [problem]) from error

    # --- errors ---------------------------------------------------------------------------------------------------
    @staticmethod
    def _error(kind: str, encoding: str | None, error: HttpError) -> Response:
        headers = {"Retry-After": str(error.retry_after)} if error.retry_after is not None else {}
        if error.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if kind == "events":
            body: dict[str, Any] = {"error": error.message}
            if error.problems:
                body["problems"] = error.problems
            return JSONResponse(body, status_code=error.status, headers=headers)
        from google.rpc.status_pb2 import Status

        status = Status(code=_RPC_CODES.get(error.status, 2), message=error.message)
        response = _otlp_response(status, encoding or "json")
        response.status_code = error.status
        response.headers.update(headers)
        return response


@dataclass(frozen=True)
class _Parsed:
    """A request's landing lines, the response to send once they are on disk, and what to add to the counters."""

    lines: list[bytes]
    response: Response
    counts: dict[str, int]


def _parsed_otlp(mapped: Mapped, response: Response) -> _Parsed:
    lines = [landing_line(event) for event in mapped.events]
    lines += [landing_line(rejection.line()) for rejection in mapped.rejections]
    counts = {
        "accepted_events": len(mapped.events),
        "rejected_records": len(mapped.rejections),
        "ignored_records": mapped.ignored,
    }
    return _Parsed(lines, response, counts)


def _gunzip(body: bytes, limit: int) -> bytes:
    """Every member of a gzip body, joined: a body may hold several (RFC 1952; what concatenating gzip streams
    gives, as streaming compressors do), and the members after the first are as much the request as the first.
    Bytes after the last member that are no gzip member make the body invalid, not ignored."""
    members: list[bytes] = []
    size, rest = 0, body
    while True:
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            data = decompressor.decompress(rest, limit - size + 1)
        except zlib.error as error:
            what = f"the bytes after gzip member {len(members)} are no gzip member" if members else "not valid gzip"
            raise HttpError(400, f"body: {what} ({error})") from error
        size += len(data)
        if size > limit:
            raise HttpError(413, f"the decompressed body exceeds the limit of {limit} bytes")
        if not decompressor.eof:
            raise HttpError(400, "body: the gzip stream is cut short")
        members.append(data)
        rest = decompressor.unused_data
        if not rest:
            return b"".join(members)


def _rejection_summary(mapped: Mapped) -> str:
    first = mapped.rejections[0]
    more = len(mapped.rejections) - 1
    return f"{first.source}: {first.reason}" + (f" (and {more} more)" if more else "") + "; quarantined"


def _otlp_response(message, encoding: str) -> Response:
    if encoding == "protobuf":
        return Response(message.SerializeToString(), media_type="application/x-protobuf")
    from google.protobuf import json_format

    return Response(json_format.MessageToJson(message, indent=None), media_type="application/json")


def build_app(
    landing_dir: Path,
    token: bytes | None,
    config: CollectorConfig,
    champion: Callable[[str | None, str | None], dict] | None = None,
    upload: Callable[[Path, str], object] | None = None,
) -> Starlette:
    """The collector's ASGI app; its landing spool starts (recovering dead writers' segments) and stops with the
    app's lifespan. With ``upload`` (a data root in object storage), ``landing_dir`` is a local spool whose
    published files a :class:`SegmentUploader` hands to ``upload(path, relative)`` (``landing/<day>/<name>``)."""
    collector = Collector(Path(landing_dir), token, config, champion)

    @asynccontextmanager
    async def lifespan(app):
        collector.spool = LandingSpool(
            landing_dir,
            rotate_seconds=config.rotate_seconds,
            rotate_bytes=config.rotate_bytes,
            on_publish=collector.wake_uploader,
        )
        # Started after the spool: its first pass uploads what the spool recovered and what earlier processes left.
        if upload is not None:
            collector.uploader = SegmentUploader(landing_dir, upload, retry_seconds=config.upload_retry_seconds)
        try:
            yield
        finally:
            try:
                collector.spool.close()
            finally:
                if collector.uploader is not None:
                    collector.uploader.close()

    app = Starlette(
        routes=[
            Route("/v1/traces", collector.traces, methods=["POST"]),
            Route("/v1/logs", collector.logs, methods=["POST"]),
            Route("/v1/events", collector.events, methods=["POST"]),
            Route("/v1/champion", collector.champion_endpoint, methods=["GET"]),
            Route("/healthz", collector.healthz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.collector = collector
    return app


def champion_from_settings(settings: Settings) -> Callable[[str | None, str | None], dict]:
    """`GET /v1/champion`'s answer from the registries and the base model the settings name. With a data root in
    object storage, the prompt versions and the base model's metadata are pulled into the working copy before
    each answer (small files; only what changed is downloaded), so it names what the registries name now."""
    from feedback_loop.model.base import METADATA_FILE
    from feedback_loop.prompts import PromptStore
    from feedback_loop.registry import Registry
    from feedback_loop.serve.champion import serving_state
    from feedback_loop.storage import DataStore

    registry = Registry(settings.registry_url)
    prompt_registry = Registry(settings.prompt_registry_url)
    prompts = PromptStore(settings.layout.prompts)
    store = DataStore.of(settings)
    pulled = [
        path.relative_to(settings.working_root).as_posix()
        for path in (settings.layout.prompts, settings.layout.base_model / METADATA_FILE)
    ]

    def answer(user_id: str | None, user_segment: str | None) -> dict:
        store.pull(*pulled)
        return serving_state(
            registry, prompts, prompt_registry, settings.layout.base_model, user_id=user_id, user_segment=user_segment
        )

    return answer


def serve(settings: Settings, host: str, port: int, config: CollectorConfig) -> None:
    """Run the collector until interrupted (SIGINT/SIGTERM close the landing segments cleanly)."""
    import uvicorn

    from feedback_loop.storage import DataStore

    token = read_token(settings.collector_token_file, host)
    store = DataStore.of(settings)
    upload = functools.partial(store.upload, once=True) if store.remote else None
    app = build_app(settings.collector_spool, token, config, champion_from_settings(settings), upload)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, lifespan="on")
