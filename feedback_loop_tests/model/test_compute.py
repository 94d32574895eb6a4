"""torch's thread count comes from the CPUs the process may use: its affinity, capped by its cgroup's CPU quota."""

from __future__ import annotations

import os

import pytest

from feedback_loop.model.compute import cgroup_cpu_quota, usable_cpus, use_torch_threads


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_cgroup_v2_quota_is_the_tightest_along_the_cgroup_path(tmp_path):
    root, proc = tmp_path / "cgroup", tmp_path / "proc_self_cgroup"
    _write(proc, "0::/kubepods/pod1/container\n")
    _write(root / "cpu.max", "max 100000\n")
    _write(root / "kubepods" / "pod1" / "cpu.max", "150000 100000\n")  # a 1.5-CPU pod limit
    _write(root / "kubepods" / "pod1" / "container" / "cpu.max", "max 100000\n")
    assert cgroup_cpu_quota(proc, root) == 1.5
    # 1.5 CPUs run one thread without throttling, never more threads than the affinity allows.
    assert usable_cpus(proc, root) == min(1, len(os.sched_getaffinity(0)))


def test_cgroup_v1_quota_and_no_quota(tmp_path):
    root, proc = tmp_path / "cgroup", tmp_path / "proc_self_cgroup"
    _write(proc, "4:memory:/docker/abc\n2:cpu,cpuacct:/docker/abc\n")
    _write(root / "cpu,cpuacct" / "docker" / "abc" / "cpu.cfs_quota_us", "300000\n")
    _write(root / "cpu,cpuacct" / "docker" / "abc" / "cpu.cfs_period_us", "100000\n")
    assert cgroup_cpu_quota(proc, root) == 3.0

    _write(root / "cpu,cpuacct" / "docker" / "abc" / "cpu.cfs_quota_us", "-1\n")
    assert cgroup_cpu_quota(proc, root) is None
    assert usable_cpus(proc, root) == len(os.sched_getaffinity(0))
    assert cgroup_cpu_quota(tmp_path / "no_proc_file", root) is None


def test_torch_threads_follow_the_setting_or_are_capped_at_the_usable_cpus(monkeypatch):
    import torch

    import feedback_loop.model.compute as compute

    previous = torch.get_num_threads()
    try:
        assert use_torch_threads(3) == torch.get_num_threads() == 3
        monkeypatch.setattr(compute, "usable_cpus", lambda: 2)  # a 2-CPU quota under torch's count of 3
        assert use_torch_threads(None) == torch.get_num_threads() == 2
        assert use_torch_threads(1) == torch.get_num_threads() == 1
        assert use_torch_threads(None) == 1  # fewer threads than CPUs (OMP_NUM_THREADS=1, say) stay as they are
        with pytest.raises(ValueError, match="at least 1"):
            use_torch_threads(0)
    finally:
        torch.set_num_threads(previous)


def test_the_torch_threads_setting_is_read_from_the_environment():
    from feedback_loop.settings import load_settings

    assert load_settings({"FEEDBACK_LOOP_TORCH_THREADS": "3"}).torch_threads == 3
    assert load_settings({}).torch_threads is None
