"""ManifestIOManager: each run hands its own manifests on, also when it is re-executed from a failure."""

import json
import os
from pathlib import Path

import dagster as dg

from feedback_loop.defs.resources import ManifestIOManager, manifest_path, run_manifest_path

# Where the job of this module keeps its data, and the file whose presence makes `gate` fail: the job is rebuilt
# from this module (`dg.reconstructable`) for a re-execution, so it reads both from the environment.
DATA_DIR_VARIABLE = "MANIFEST_TEST_DATA_DIR"
FAIL_FLAG = "fail-gate"


@dg.asset
def adapter(context: dg.AssetExecutionContext) -> dict:
    return {"trained_in": context.run_id}


@dg.asset
def gate(adapter: dict) -> dict:
    if (Path(os.environ[DATA_DIR_VARIABLE]) / FAIL_FLAG).exists():
        raise RuntimeError("the gate fails this time")
    return {"gated": adapter["trained_in"]}


def adapter_and_gate_job() -> dg.JobDefinition:
    defs = dg.Definitions(
        assets=[adapter, gate],
        jobs=[dg.define_asset_job("adapter_and_gate", selection=[adapter, gate])],
        resources={"io_manager": ManifestIOManager(data_dir=os.environ[DATA_DIR_VARIABLE])},
    )
    return defs.resolve_job_def("adapter_and_gate")


IN_PROCESS = {"execution": {"config": {"in_process": {}}}}


def test_a_run_re_executed_from_its_failure_gates_the_adapter_it_trained(tmp_path, monkeypatch):
    """A retraining fails at its gate while another run trains a newer adapter (the latest manifest); re-executed
    from the failure, it gates the adapter it trained, not the other run's."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    (tmp_path / FAIL_FLAG).touch()
    job = dg.reconstructable(adapter_and_gate_job)
    with dg.instance_for_test() as instance:
        with dg.execute_job(job, instance, run_config=IN_PROCESS, raise_on_error=False) as failed:
            assert not failed.success
        failed_run = failed.run_id
        other = adapter_and_gate_job().execute_in_process(instance=instance, asset_selection=[adapter.key])
        assert json.loads((tmp_path / manifest_path(adapter.key)).read_text()) == {"trained_in": other.run_id}

        (tmp_path / FAIL_FLAG).unlink()
        options = dg.ReexecutionOptions.from_failure(failed_run, instance)
        with dg.execute_job(job, instance, run_config=IN_PROCESS, reexecution_options=options) as again:
            assert again.success
            assert again.dagster_run.parent_run_id == failed_run
        gated = tmp_path / run_manifest_path(again.run_id, gate.key)
        assert json.loads(gated.read_text()) == {"gated": failed_run}


def test_an_asset_the_job_does_not_materialize_is_read_from_the_latest_manifest(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    job = adapter_and_gate_job()
    with dg.instance_for_test() as instance:
        trained = job.execute_in_process(instance=instance, asset_selection=[adapter.key])
        job.execute_in_process(instance=instance, asset_selection=[gate.key])
    assert json.loads((tmp_path / manifest_path(gate.key)).read_text()) == {"gated": trained.run_id}
