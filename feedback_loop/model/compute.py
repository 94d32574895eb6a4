"""How many CPU threads torch should use: no more than the CPUs this process may really run on.

torch sizes its thread pool from the machine's cores (or ``OMP_NUM_THREADS``). In a container whose CPU quota (a
Kubernetes CPU limit) is far below the node's core count, that starts more threads than there are CPUs to run them,
and the threads wait on each other at every parallel region: training slows down many times over. The usable CPUs
are the process's CPU affinity, capped by its cgroup's CPU quota (cgroup v2 ``cpu.max`` or v1
``cpu.cfs_quota_us``, the tightest along the cgroup's ancestors); torch's own count is lowered to them, never
raised. The ``torch_threads`` setting overrides both.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

_PROC_SELF_CGROUP = Path("/proc/self/cgroup")
_CGROUP_ROOT = Path("/sys/fs/cgroup")


def usable_cpus(proc_self_cgroup: Path = _PROC_SELF_CGROUP, cgroup_root: Path = _CGROUP_ROOT) -> int:
    """The CPUs this process may use: its affinity mask, capped by its cgroup CPU quota (rounded down, at least 1)."""
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    quota = cgroup_cpu_quota(proc_self_cgroup, cgroup_root)
    return affinity if quota is None else max(1, min(affinity, math.floor(quota)))


def cgroup_cpu_quota(proc_self_cgroup: Path = _PROC_SELF_CGROUP, cgroup_root: Path = _CGROUP_ROOT) -> float | None:
    """The CPU quota of this process's cgroup in CPUs (quota / period), None when there is none or no cgroup.

    Reads ``proc_self_cgroup`` (``/proc/self/cgroup``) for the process's cgroup paths and looks for the limit in
    that cgroup and each of its ancestors under ``cgroup_root``: cgroup v2's ``cpu.max`` (``"max 100000"`` means
    no limit) and cgroup v1's ``cpu.cfs_quota_us`` (``-1`` means no limit) over ``cpu.cfs_period_us``.
    """
    try:
        lines = proc_self_cgroup.read_text().splitlines()
    except OSError:  # not Linux, or no /proc: no cgroup to limit us
        return None
    quotas = []
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "":
            quotas += [_v2_quota(directory) for directory in _ancestors(cgroup_root, path)]
        elif "cpu" in controllers.split(","):
            mount = cgroup_root / controllers
            quotas += [_v1_quota(directory) for directory in _ancestors(mount, path)]
    limits = [quota for quota in quotas if quota is not None]
    return min(limits) if limits else None


def _ancestors(mount: Path, path: str) -> list[Path]:
    """``mount/path`` and each of its parents up to ``mount``."""
    parts = [part for part in path.split("/") if part]
    return [mount.joinpath(*parts[:depth]) for depth in range(len(parts), -1, -1)]


def _v2_quota(directory: Path) -> float | None:
    try:
        quota, period = (directory / "cpu.max").read_text().split()
    except (OSError, ValueError):  # no such file at this level, or not in the "quota period" format
        return None
    return None if quota == "max" else int(quota) / int(period)


def _v1_quota(directory: Path) -> float | None:
    try:
        quota = int((directory / "cpu.cfs_quota_us").read_text())
        period = int((directory / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return None if quota <= 0 or period <= 0 else quota / period


def use_torch_threads(requested: int | None = None) -> int:
    """Set torch's intra-op thread count to ``requested``; when None, lower torch's own count (the cores, or
    ``OMP_NUM_THREADS``) to :func:`usable_cpus`. Returns the count."""
    import torch

    if requested is not None and requested < 1:
        raise ValueError(f"torch_threads must be at least 1, got {requested}")
    threads = requested or min(torch.get_num_threads(), usable_cpus())
    torch.set_num_threads(threads)
    return threads
