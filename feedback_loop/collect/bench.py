"""`feedback-loop bench collect`: the collector's throughput and latency, and what a SIGKILL under load loses.

A real collector process (``python -m feedback_loop.collect``, with a bearer token) on a free loopback port
is driven by concurrent HTTP clients (threads with keep-alive connections), each posting batches of
interaction events to ``/v1/events`` and waiting for the answer before sending the next.

1. Saturation: for ``seconds``, clients send back to back; accepted events per second (``events_per_s``),
   and the latency of a request (send to answer, including the group-commit ``fdatasync``), which at
   saturation is mostly the queue the clients keep full.
2. Latency at an offered load: for ``seconds``, the clients send ``rate`` events/s in all on a fixed
   schedule (default 5,000, the target of issue 17): ``p50_ms`` and ``p99_ms``.
3. Durability: saturation again; after a short while the collector is killed with SIGKILL while requests
   are in flight. The visible landing files are checked for torn lines at once, then the collector is
   restarted (it recovers the dead process's segments) and stopped cleanly. Every event whose request was
   acknowledged with 200, in either phase, must be in the visible landing files: ``lost_after_kill`` is the
   share that is not.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedback_loop.settings import child_environment

_EVENT = {
    "schema_version": 1,
    "event_id": "{id}",
    "event_type": "interaction",
    "timestamp": "2026-11-01T09:30:00Z",
    "interaction_id": "{id}",
    "session_id": "ses-bench",
    "user_id": "usr-bench",
    "use_case": "support",
    "user_segment": "pro",
    "prompt": "How do I reset the password of my account? I tried the link in the e-mail but it expired.",
    "system_prompt_version": "support-v1",
    "response": "Open Settings > Security and choose Reset password; the new link is valid for 24 hours.",
    "model_version": "base-bench",
    "adapter_version": None,
    "latency_ms": 812.4,
    "prompt_tokens": 24,
    "completion_tokens": 21,
}


@dataclass
class CollectorProcess:
    """A collector started as its own process, listening on ``port`` with bearer ``token``."""

    data_dir: Path | str
    port: int
    token: str
    process: subprocess.Popen = field(repr=False)

    @property
    def landing(self) -> Path:
        return Path(self.data_dir) / "landing"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_collector(
    data_dir: Path | str,
    port: int,
    token_file: Path,
    *,
    host: str = "127.0.0.1",
    timeout: float = 60.0,
    **settings: object,
) -> CollectorProcess:
    """Start ``python -m feedback_loop.collect`` (with ``settings``, by field name, in its environment) and wait
    until ``/healthz`` answers."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "feedback_loop.collect",
            "--host",
            host,
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
        ],
        env=child_environment(collector_token_file=token_file, **settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            output = process.communicate()[0].decode(errors="replace")
            raise RuntimeError(f"the collector exited with {process.returncode}: {output[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                connection.close()
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the collector did not answer on port {port} within {timeout:.0f} s")
        time.sleep(0.1)
    return CollectorProcess(data_dir, port, token_file.read_text().strip(), process)


def stop_collector(collector: CollectorProcess, timeout: float = 30.0) -> None:
    """Stop it as a supervisor would (SIGTERM): it writes what it accepted and publishes its segments."""
    collector.process.send_signal(signal.SIGTERM)
    collector.process.wait(timeout=timeout)


@dataclass
class LoadResult:
    """What a load run got back: per-request latencies (s) and the first event number of each acknowledged batch."""

    latencies: list[float] = field(default_factory=list)
    acknowledged: list[tuple[str, int]] = field(default_factory=list)
    refused: int = 0
    errors: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def drive_load(
    port: int,
    token: str,
    *,
    clients: int,
    batch: int,
    seconds: float,
    prefix: str,
    rate: float | None = None,
    on_started: Callable | None = None,
) -> LoadResult:
    """``clients`` threads post batches of ``batch`` events for ``seconds`` (or until the collector dies).

    Without ``rate`` each client sends its next batch as soon as the last one is answered (saturation). With
    ``rate`` (events/s in all) each client sends on a fixed schedule, so the latency is that of a collector
    under that load rather than of a queue the clients keep full; a late client sends at once.

    Event ids are ``<prefix>-<client>-<n>``; ``acknowledged`` holds ``(client prefix, first n)`` of each batch
    answered with 200. A 429 is retried after its ``Retry-After``; any other answer stops the run with an error.
    """
    template = json.dumps(_EVENT, separators=(",", ":"))
    head, middle, tail = template.split('"{id}"')
    result = LoadResult()
    lock = threading.Lock()
    stop = threading.Event()
    interval = clients * batch / rate if rate else 0.0
    began = time.perf_counter()

    def client(number: int) -> None:
        name = f"{prefix}-{number}"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        latencies, acknowledged, refused, errors = [], [], 0, 0
        first, sent = 0, 0
        while not stop.is_set():
            if interval:
                wait = began + (sent + number / clients) * interval - time.perf_counter()
                if wait > 0 and stop.wait(wait):
                    break
            body = (
                "["
                + ",".join(f'{head}"{name}-{n}"{middle}"{name}-{n}"{tail}' for n in range(first, first + batch))
                + "]"
            ).encode()
            started = time.perf_counter()
            try:
                connection.request("POST", "/v1/events", body, headers)
                response = connection.getresponse()
                answer = response.read()
            except OSError:
                errors += 1
                break  # the collector is gone (the kill phase)
            if response.status == 200:
                latencies.append(time.perf_counter() - started)
                acknowledged.append((name, first))
                first += batch
                sent += 1
            elif response.status == 429:
                refused += 1
                time.sleep(float(response.getheader("Retry-After", "1")))
            else:
                with lock:
                    result.failures.append(f"{response.status}: {answer[:500]!r}")
                break
        connection.close()
        with lock:
            result.latencies += latencies
            result.acknowledged += acknowledged
            result.refused += refused
            result.errors += errors

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    if on_started is not None:
        on_started()
    deadline = began + seconds
    for thread in threads:  # until the time is up, or every client has stopped (the collector died)
        thread.join(max(0.0, deadline - time.perf_counter()))
    stop.set()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    if result.failures:
        raise RuntimeError(f"the collector answered with errors: {result.failures[:3]}")
    return result


def landed_event_ids(landing: Path) -> tuple[set[str], int, int]:
    """(event ids in the visible landing files, lines that are not a whole JSON object, hidden segments left)."""
    ids: set[str] = set()
    torn = 0
    for path in sorted(landing.glob("*/*.jsonl")):
        if path.name.startswith("."):
            continue
        for line in path.read_bytes().split(b"\n"):
            if not line:
                continue
            try:
                ids.add(json.loads(line)["event_id"])
            except (ValueError, KeyError, TypeError):
                torn += 1
    hidden = len(list(landing.glob("*/.collector-*.jsonl")))
    return ids, torn, hidden


def torn_tails(landing: Path) -> int:
    """Hidden collector segments that end inside a line: a write the kill cut short, for recovery to drop."""
    count = 0
    for path in landing.glob("*/.collector-*.jsonl"):
        data = path.read_bytes()
        count += bool(data) and not data.endswith(b"\n")
    return count


def kill_under_load(
    collector: CollectorProcess, *, clients: int, batch: int, kill_after: float, prefix: str = "kill"
) -> LoadResult:
    """Drive load and SIGKILL the collector ``kill_after`` seconds in, with requests in flight."""

    def kill_later() -> None:
        timer = threading.Timer(kill_after, lambda: os.kill(collector.process.pid, signal.SIGKILL))
        timer.daemon = True
        timer.start()

    result = drive_load(
        collector.port,
        collector.token,
        clients=clients,
        batch=batch,
        seconds=kill_after + 30,
        prefix=prefix,
        on_started=kill_later,
    )
    collector.process.wait(timeout=30)
    return result


def expected_ids(results: list[LoadResult], batch: int) -> set[str]:
    return {
        f"{name}-{n}" for result in results for name, first in result.acknowledged for n in range(first, first + batch)
    }


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def bench_collector(
    *, seconds: float, clients: int, batch: int, rate: float, progress: Callable[[str], Any] = print
) -> dict[str, Any]:
    """Run the phases against a fresh collector in a temporary data root; returns the figures.

    ``events_per_s`` is the saturation throughput; ``p50_ms`` and ``p99_ms`` are the latencies at the offered
    ``rate`` (the load a deployment is sized for), the saturation latencies are ``saturation_p50_ms`` and
    ``saturation_p99_ms``.
    """
    with tempfile.TemporaryDirectory(prefix="bench-collect-") as work:
        work_dir = Path(work)
        token_file = work_dir / "token"
        token_file.write_text(secrets.token_urlsafe(32))
        data_dir, port = work_dir / "data", free_port()
        collector = start_collector(data_dir, port, token_file)
        progress(f"saturation: {clients} clients sending back to back, batches of {batch}, {seconds:.0f} s")
        load = drive_load(port, collector.token, clients=clients, batch=batch, seconds=seconds, prefix="load")
        progress(f"latency at {rate:,.0f} events/s offered, {seconds:.0f} s")
        paced = drive_load(
            port, collector.token, clients=clients, batch=batch, seconds=seconds, prefix="paced", rate=rate
        )
        kill_after = max(1.0, min(5.0, seconds / 4))
        progress(f"durability: saturation again, SIGKILL after {kill_after:.1f} s")
        killed = kill_under_load(collector, clients=clients, batch=batch, kill_after=kill_after)
        _, torn_before_restart, hidden_before = landed_event_ids(collector.landing)
        cut_short = torn_tails(collector.landing)
        progress(f"restart: recovering {hidden_before} hidden segment(s) of the killed process")
        restarted = start_collector(data_dir, free_port(), token_file)
        stop_collector(restarted)
        landed, torn, hidden_after = landed_event_ids(collector.landing)
        acknowledged = expected_ids([load, paced, killed], batch)
        lost = len(acknowledged - landed)
        return {
            "events_per_s": len(load.acknowledged) * batch / load.seconds,
            "p50_ms": 1000 * _percentile(paced.latencies, 0.50),
            "p99_ms": 1000 * _percentile(paced.latencies, 0.99),
            "offered_events_per_s": rate,
            "paced_events_per_s": len(paced.acknowledged) * batch / paced.seconds,
            "saturation_p50_ms": 1000 * _percentile(load.latencies, 0.50),
            "saturation_p99_ms": 1000 * _percentile(load.latencies, 0.99),
            "requests": len(load.latencies) + len(paced.latencies),
            "refused_429": load.refused + paced.refused + killed.refused,
            "acknowledged": len(acknowledged),
            "acknowledged_in_kill_phase": len(killed.acknowledged) * batch,
            "lost_events": lost,
            "lost_after_kill": lost / len(acknowledged) if acknowledged else 0.0,
            "torn_lines": torn_before_restart + torn,
            "segments_recovered": hidden_before,
            "segments_cut_mid_line": cut_short,
            "hidden_segments_left": hidden_after,
            "seconds": seconds,
            "clients": clients,
            "batch": batch,
            "cpu_count": os.cpu_count(),
            "load_average_1m": os.getloadavg()[0],
        }
