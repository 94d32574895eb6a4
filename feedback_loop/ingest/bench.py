"""``feedback-loop bench ingest``: the project's ingestion of a landing day against DuckDB's raw JSON -> Parquet.

One run writes a landing day (:func:`write_landing_day`) and times, on the same files, two things, each in a child
process of its own so that its peak RSS is its own: the project's ingestion as the ``raw_telemetry`` asset runs
it (:func:`~feedback_loop.ingest.ingest_partition` with validation, dedupe, redaction at one tier and
pseudonymization, then the ``events`` and ``quarantine`` partitions written to a warehouse), and DuckDB's
``COPY (SELECT * FROM read_json_auto(...)) TO '...parquet'``, the anchor: what reading and writing alone cost.
The timers start after each child's imports.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import random
import resource
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from feedback_loop.privacy.bench import PERSONAL_DATA_SHARE, answer_text, comment_text, prompt_text

DEFAULT_EVENTS = 100_000
DEFAULT_TIER = "patterns"
BENCH_PARTITION = "2026-11-02"
BENCH_PSEUDONYM_KEY = b"feedback-loop bench ingest"
LANDING_FILES = 4
# Events per interaction: the interaction itself, then feedback and behaviour events on it, each this often;
# 0.4 interactions, 0.3 feedback and 0.3 behaviour events of a day, as in the redaction benchmark's mix.
FEEDBACK_PER_INTERACTION = BEHAVIOUR_PER_INTERACTION = 0.75
INTERACTIONS_PER_SESSION = (1, 4)
SESSIONS_PER_USER = 3
# Lines an upload sends twice (counted as duplicates) and lines cut short (quarantined as invalid JSON).
DUPLICATE_SHARE = 0.005
BROKEN_SHARE = 0.001
# Low-cardinality fields, as few distinct values a day as an application has.
_USE_CASES = ("support", "billing", "onboarding", "troubleshooting")
_SEGMENTS = ("free", "pro", "enterprise")
_SYSTEM_PROMPTS = ("support-v3", "support-v4")
_MODELS = ("base-1.5b", "base-1.5b-2026-10")
_ADAPTERS = (None, "adapter-0007", "adapter-0008")


def write_landing_day(landing_dir: Path, events: int, seed: int = 0) -> dict[str, int]:
    """Write ``events`` landing lines for :data:`BENCH_PARTITION` into :data:`LANDING_FILES` files under
    ``landing_dir``: sessions of interactions with feedback and behaviour events on them, personal data in the
    free text of :data:`~feedback_loop.privacy.bench.PERSONAL_DATA_SHARE` of the events, a few lines sent twice
    and a few cut short. Returns the lines written and how many of them are ``duplicates`` and ``broken``."""
    rng = random.Random(f"feedback-loop/bench-ingest:{seed}")
    start = datetime(2026, 11, 2, tzinfo=UTC)
    step = timedelta(seconds=86_400 / max(events, 1))
    lines: list[str] = []
    counts = {"lines": events, "duplicates": 0, "broken": 0, "events_with_personal_data": 0}
    users = max(1, events // 40)
    session = 0
    while len(lines) < events:
        session += 1
        user = f"user-{rng.randrange(users)}@example.org" if rng.random() < 0.1 else f"u-{rng.randrange(users):07d}"
        for _ in range(rng.randint(*INTERACTIONS_PER_SESSION)):
            envelope = {
                "interaction_id": _uuid(rng),
                "session_id": f"s-{seed}-{session}",
                "user_id": user,
            }
            for event in _interaction_events(rng, envelope, counts):
                if len(lines) == events:
                    break
                event["event_id"] = _uuid(rng)
                event["timestamp"] = (start + step * len(lines)).isoformat().replace("+00:00", "Z")
                line = json.dumps({"schema_version": 1, **event}, ensure_ascii=False)
                if rng.random() < BROKEN_SHARE:
                    line = line[: len(line) // 2]
                    counts["broken"] += 1
                lines.append(line)
                if len(lines) < events and rng.random() < DUPLICATE_SHARE and line.endswith("}"):
                    lines.append(line)
                    counts["duplicates"] += 1
    day = landing_dir / BENCH_PARTITION
    day.mkdir(parents=True, exist_ok=True)
    per_file = -(-events // LANDING_FILES)
    for index in range(LANDING_FILES):
        chunk = lines[index * per_file : (index + 1) * per_file]
        (day / f"app-{index}.jsonl").write_text("".join(f"{line}\n" for line in chunk), encoding="utf-8")
    return counts


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID drawn from ``rng``: event and interaction ids as applications write them."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _interaction_events(rng: random.Random, envelope: dict[str, str], counts: dict[str, int]) -> list[dict]:
    """An interaction event and the feedback and behaviour events on it (without event ids and timestamps)."""
    personal = rng.random() < PERSONAL_DATA_SHARE
    counts["events_with_personal_data"] += personal
    prompt = prompt_text(rng, personal)
    events: list[dict[str, Any]] = [
        {
            "event_type": "interaction",
            **envelope,
            "use_case": rng.choice(_USE_CASES),
            "user_segment": rng.choice(_SEGMENTS),
            "prompt": prompt,
            "system_prompt_version": rng.choice(_SYSTEM_PROMPTS),
            "response": answer_text(rng, rng.randint(2, 6)),
            "model_version": rng.choice(_MODELS),
            "adapter_version": rng.choice(_ADAPTERS),
            "latency_ms": round(rng.uniform(200, 4000), 1),
            "prompt_tokens": len(prompt) // 4,
            "completion_tokens": rng.randint(40, 400),
        }
    ]
    if rng.random() < FEEDBACK_PER_INTERACTION:
        feedback: dict[str, Any] = {"event_type": "feedback", **envelope, "thumb": rng.choice(("up", "down"))}
        signal = rng.random()
        if signal < 0.4:
            feedback["correction"] = answer_text(rng, rng.randint(1, 3))
        elif signal < 0.7:
            personal = rng.random() < PERSONAL_DATA_SHARE
            counts["events_with_personal_data"] += personal
            feedback["comment"] = comment_text(rng, personal)
        events.append(feedback)
    if rng.random() < BEHAVIOUR_PER_INTERACTION:
        events.append(
            {
                "event_type": "behaviour",
                **envelope,
                "reading_time_ms": round(rng.uniform(500, 60_000), 1),
                "action": rng.choice(("retry", "copy", "edit", "escalate", "accept")),
            }
        )
    return events


def bench_ingest(
    events: int = DEFAULT_EVENTS,
    tier: str = DEFAULT_TIER,
    workers: int | None = None,
    seed: int = 0,
    work_dir: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Write a landing day of ``events`` lines and time the project's ingestion of it at ``tier`` with ``workers``
    worker processes (None: the default of :attr:`~feedback_loop.ingest.IngestSpec.workers`, or of
    :attr:`~feedback_loop.ingest.IngestSpec.ner_workers` in the `patterns+ner` tier) and DuckDB's raw copy of it
    to Parquet, each in its own child process (see the module documentation).

    Returns ``events``, ``project_events_per_s``, ``duckdb_events_per_s``, their ``ratio`` (project / DuckDB),
    ``peak_rss_mb`` (the project's, its worker processes' included) and ``duckdb_peak_rss_mb``, with the ``tier``
    and ``workers``, the seconds and CPU-seconds (the project's with its workers') of each and events per
    CPU-second (the steadier figure on shared cores), the project's line counts (``read = valid + quarantined +
    duplicates``), the rows DuckDB wrote, what the generator planted, the landing day's size and the machine's load
    average when the run ended.
    """
    if events < 1:
        raise ValueError(f"bench_ingest: field 'events' must be at least 1, got {events}")
    if work_dir is not None:
        Path(work_dir).mkdir(parents=True, exist_ok=True)  # a folder named for the work that is not there yet
    with tempfile.TemporaryDirectory(prefix="bench-ingest-", dir=work_dir) as scratch:
        root = Path(scratch)
        progress(f"writing a landing day of {events:,} events")
        planted = write_landing_day(root / "landing", events, seed)
        landing_bytes = sum(path.stat().st_size for path in (root / "landing" / BENCH_PARTITION).iterdir())
        progress(f"project ingestion ({tier} tier)")
        project = _in_child(_project_ingestion, str(root / "landing"), str(root / "warehouse"), tier, workers)
        progress("DuckDB read_json_auto -> Parquet")
        duckdb = _in_child(_duckdb_copy, str(root / "landing" / BENCH_PARTITION / "*.jsonl"), str(root / "raw.parquet"))
    project_rate = events / project["seconds"]
    duckdb_rate = events / duckdb["seconds"]
    return {
        "events": events,
        "tier": tier,
        "workers": project["workers_setting"],
        "project_events_per_s": project_rate,
        "duckdb_events_per_s": duckdb_rate,
        "ratio": project_rate / duckdb_rate,
        "peak_rss_mb": project["peak_rss_mb"],
        "duckdb_peak_rss_mb": duckdb["peak_rss_mb"],
        "project_workers": project["workers"],
        "project_workers_peak_rss_mb": project["workers_peak_rss_mb"],
        "project_own_peak_rss_mb": project["own_peak_rss_mb"],
        "project_seconds": project["seconds"],
        "project_cpu_seconds": project["cpu_seconds"],
        "project_events_per_cpu_s": events / project["cpu_seconds"],
        "duckdb_seconds": duckdb["seconds"],
        "duckdb_cpu_seconds": duckdb["cpu_seconds"],
        "duckdb_events_per_cpu_s": events / duckdb["cpu_seconds"],
        "read": project["read"],
        "valid": project["valid"],
        "quarantined": project["quarantined"],
        "duplicates": project["duplicates"],
        "duckdb_rows": duckdb["rows"],
        "planted": planted,
        "landing_mb": landing_bytes / 2**20,
        "cpu_count": os.cpu_count(),
        "load_average_1m": os.getloadavg()[0],
    }


def _in_child(target: Callable[..., None], *args: Any) -> dict[str, Any]:
    """Run ``target(*args, sender)`` in a fresh (spawned, not forked: nothing of this process's memory) child
    process and return the dict it sends; a child that fails or sends nothing is an error."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(*args, sender))
    child.start()
    sender.close()
    try:
        figures = receiver.recv()
    except EOFError:
        figures = None
    child.join()
    if child.exitcode != 0 or figures is None:
        raise RuntimeError(f"bench ingest: {target.__name__} failed in its child process (exit {child.exitcode})")
    return figures


def peak_rss_mb() -> float:
    """This process's peak resident set size in MiB: ``VmHWM`` of ``/proc/self/status``, the peak of this
    process's own memory. Not ``ru_maxrss``: Linux carries it over from the parent across fork and exec, so a
    child would report the parent's peak (the parent holds the whole generated landing day)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _TreeMemory:
    """The memory of this process and its children (ingestion's worker processes), sampled every
    :data:`_SAMPLE_SECONDS` on a thread while it runs: the largest sum of their resident sets seen at one time,
    and each child's own peak (``VmHWM``; their sum is an upper bound, the peaks need not coincide)."""

    def __init__(self) -> None:
        self.peak_together_kb = 0
        self.child_peaks_kb: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="bench-tree-memory", daemon=True)

    def __enter__(self) -> _TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(_SAMPLE_SECONDS):
            together = _status_kb("self", "VmRSS:") or 0
            for pid in _children():
                together += _status_kb(str(pid), "VmRSS:") or 0
                peak = _status_kb(str(pid), "VmHWM:")
                if peak is not None:
                    self.child_peaks_kb[pid] = max(peak, self.child_peaks_kb.get(pid, 0))
            self.peak_together_kb = max(self.peak_together_kb, together)


_SAMPLE_SECONDS = 0.02


def _children() -> list[int]:
    """The ids of this process's child processes (``/proc/self/task/*/children``)."""
    found: list[int] = []
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that ended while it was listed
            found += [int(pid) for pid in (task / "children").read_text().split()]
    return found


def _status_kb(pid: str, key: str) -> int | None:
    """A figure in KiB of ``/proc/<pid>/status`` (``VmRSS:``, ``VmHWM:``), None when the process has ended."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _project_ingestion(landing: str, warehouse_root: str, tier: str, workers: int | None, sender: Connection) -> None:
    """The ``raw_telemetry`` asset's work on the bench day, timed: ingest the partition, write both tables. Its
    CPU-seconds and peak RSS include its worker processes': the peak is the largest sum of this process's and their
    resident sets sampled at one time (:class:`_TreeMemory`), or this process's own peak if larger."""
    from feedback_loop.ingest.landing import IngestSpec, ingest_partition_file
    from feedback_loop.warehouse import Warehouse

    workers_field = "workers" if tier == "patterns" else "ner_workers"
    spec = IngestSpec(redaction_tier=tier, **({} if workers is None else {workers_field: workers}))
    warehouse = Warehouse(warehouse_root)
    wall, cpu = time.perf_counter(), time.process_time()
    children_cpu = _children_cpu_seconds()
    with (
        _TreeMemory() as memory,
        tempfile.TemporaryDirectory(prefix="ingest-", dir=Path(warehouse_root).parent) as scratch,
    ):
        result = ingest_partition_file(landing, BENCH_PARTITION, BENCH_PSEUDONYM_KEY, Path(scratch), spec=spec)
        warehouse.write_partition_file("events", BENCH_PARTITION, result.events_path)
        warehouse.write_partition_file("quarantine", BENCH_PARTITION, result.quarantine_path)
    sender.send(
        {
            "seconds": time.perf_counter() - wall,
            "cpu_seconds": time.process_time() - cpu + _children_cpu_seconds() - children_cpu,
            "peak_rss_mb": max(peak_rss_mb(), memory.peak_together_kb / 1024),
            "own_peak_rss_mb": peak_rss_mb(),
            "workers_setting": getattr(spec, workers_field),
            "workers": len(memory.child_peaks_kb),
            "workers_peak_rss_mb": [peak / 1024 for peak in memory.child_peaks_kb.values()],
            "read": result.read,
            "valid": result.valid,
            "quarantined": result.quarantined,
            "duplicates": result.duplicates + result.earlier_duplicates,
        }
    )


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _duckdb_copy(pattern: str, out: str, sender: Connection) -> None:
    """DuckDB's raw copy of the bench day to Parquet, timed; lines cut short are skipped (``ignore_errors``), as
    DuckDB would otherwise refuse the whole day."""
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")  # its bar would break into the command's own lines
    wall, cpu = time.perf_counter(), time.process_time()
    connection.execute(
        f"COPY (SELECT * FROM read_json_auto('{pattern}', format='newline_delimited', ignore_errors=true))"
        f" TO '{out}' (FORMAT parquet)"
    )
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    (rows,) = connection.execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchone() or (0,)
    sender.send({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_rss_mb": peak_rss_mb(), "rows": rows})
