"""What `ingestion_job` costs on a day with earlier days stored, against the same job on a first day alone.

`feedback-loop bench labeling-cost` prints these figures (issue 15: day 8 with 7 earlier days stored must cost
at most 1.3 times day 1 alone, in CPU-seconds and in RSS). Simulated landing days go to two fresh data roots
in a temporary folder: one gets day 1 only; the other gets days 1..N-1 ingested and labeled first (not
measured), then day N. Each measured run is ``ingestion_job`` over its one day, in its own spawned child
process (nothing of this process's memory), timed from just before the run to its end: CPU-seconds of the
run, wall seconds, the process's peak RSS (imports included) and its RSS before the run (the imports alone).
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

FIRST_DAY = date(2026, 1, 1)


def bench_labeling_cost(
    days: int = 8, interactions: int = 1500, seed: int = 0, progress: Callable[[str], None] = print
) -> dict[str, Any]:
    """The cost figures of ``ingestion_job`` on day ``days`` with the earlier days stored, and on day 1 alone,
    with their ratios (later / first)."""
    if days < 2 or interactions < 1:
        raise ValueError(f"days ({days}) must be at least 2 and interactions ({interactions}) at least 1")
    from feedback_loop.simulate import simulate_day

    day_keys = [(FIRST_DAY + timedelta(days=offset)).isoformat() for offset in range(days)]
    with tempfile.TemporaryDirectory() as work:
        alone, stored = Path(work) / "first-day-alone", Path(work) / "days-stored"
        progress(f"simulating {days} days of {interactions:,} interactions")
        for offset, day in enumerate(day_keys):
            for root in (alone, stored) if offset == 0 else (stored,):
                simulate_day(root / "landing", date.fromisoformat(day), interactions, seed + offset)
        progress(f"day {day_keys[0]} alone")
        first = _in_child(_measured_ingestion, str(alone), day_keys[0], day_keys[0])
        progress(f"days {day_keys[0]}..{day_keys[-2]} (not measured)")
        _in_child(_measured_ingestion, str(stored), day_keys[0], day_keys[-2])
        progress(f"day {day_keys[-1]} with {days - 1} earlier days stored")
        later = _in_child(_measured_ingestion, str(stored), day_keys[-1], day_keys[-1])
    return {
        "days": days,
        "interactions_per_day": interactions,
        "first_day_alone": first,
        "later_day_with_stored_days": later,
        "cpu_ratio": later["cpu_seconds"] / first["cpu_seconds"],
        "peak_rss_ratio": later["peak_rss_mb"] / first["peak_rss_mb"],
        "run_rss_ratio": (later["peak_rss_mb"] - later["rss_before_mb"])
        / max(1.0, first["peak_rss_mb"] - first["rss_before_mb"]),
        "cpu_count": os.cpu_count(),
        "load_average_1m": os.getloadavg()[0],
    }


def _in_child(target: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """``target(*args)`` in a fresh spawned process (its exception, if any, raised here)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as executor:
        return executor.submit(target, *args).result()


def _measured_ingestion(data_dir: str, first: str, last: str) -> dict[str, Any]:
    """``ingestion_job`` over ``first``..``last`` in the data root ``data_dir``, timed (imports done before)."""
    import psutil

    from feedback_loop.ingest.bench import peak_rss_mb
    from feedback_loop.runs import definitions_for, failure_reason, open_instance, run_ingestion
    from feedback_loop.settings import load_settings

    settings = load_settings({"FEEDBACK_LOOP_DATA_DIR": data_dir, "DAGSTER_HOME": str(Path(data_dir) / "dagster_home")})
    instance = open_instance(settings)
    definitions_for(settings)  # imports every asset module: the cost of starting a process, not of the run
    rss_before = psutil.Process().memory_info().rss / 2**20
    wall, cpu = time.perf_counter(), time.process_time()
    result = run_ingestion(settings, first, last, instance=instance, raise_on_error=False)
    figures = {
        "days": f"{first}..{last}",
        "seconds": time.perf_counter() - wall,
        "cpu_seconds": time.process_time() - cpu,
        "rss_before_mb": rss_before,
        "peak_rss_mb": peak_rss_mb(),
    }
    if not result.success:
        raise RuntimeError(f"ingestion_job {first}..{last} failed: {failure_reason(result)}")
    return figures
