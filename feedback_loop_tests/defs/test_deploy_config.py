"""deploy/: Dagster's own config schemas accept the Helm values' run launcher and queue, the k8s_job_executor's
config, every asset's `dagster-k8s/config` tag and deploy/dagster.yaml; the engines route as deploy/README.md
says. No cluster, broker or database is needed."""

from __future__ import annotations

import re
from pathlib import Path

import dagster as dg
import pytest
import yaml
from dagster._config import validate_config
from dagster._core.run_coordinator import QueuedRunCoordinator

from feedback_loop.definitions import build_defs
from feedback_loop.defs.execution import (
    CELERY_QUEUE_TAG,
    GPU_NODE_SELECTOR,
    K8S_CONFIG_TAG,
    K8S_EXECUTOR_CONFIG,
    celery_worker_command,
)
from feedback_loop.settings import Settings

REPO = Path(__file__).resolve().parents[2]
VALUES = yaml.safe_load((REPO / "deploy" / "helm" / "values.yaml").read_text())
GPU_ASSETS = {"base_model", "lora_adapter", "adapter_evaluation"}

# What the chart's instance template adds to the K8sRunLauncher config from the release itself (the instance's
# ConfigMap, Dagster's home in its images, the PostgreSQL password secret named in `global`).
CHART_ADDED = {
    "instance_config_map": "feedback-loop-dagster-instance",
    "dagster_home": "/opt/dagster/dagster_home",
    "postgres_password_secret": VALUES["global"]["postgresqlSecretName"],
    "load_incluster_config": True,
}


def _snake(key: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()


def _launcher_config_from_values(values: dict) -> dict:
    """The chart's translation of `runLauncher.config.k8sRunLauncher` into the launcher's dagster.yaml config:
    camelCase keys become snake_case, ConfigMap and Secret references become their names, and the keys inside
    Kubernetes objects (volumes, resources) stay as Kubernetes writes them."""
    launcher = values["runLauncher"]
    assert launcher["type"] == "K8sRunLauncher"
    config: dict = dict(CHART_ADDED)
    for key, value in launcher["config"]["k8sRunLauncher"].items():
        if key in ("envConfigMaps", "envSecrets"):
            value = [reference["name"] for reference in value]
        elif key == "runK8sConfig":
            value = {_snake(part): spec for part, spec in value.items()}
        config[_snake(key)] = value
    return config


def _valid(config_type, value) -> None:
    result = validate_config(config_type, value)
    assert result.success, [error.message for error in result.errors]


def test_dagsters_schema_accepts_the_helm_values_run_launcher():
    from dagster_k8s import K8sRunLauncher

    _valid(K8sRunLauncher.config_type(), _launcher_config_from_values(VALUES))


def test_dagsters_schema_rejects_a_mistyped_run_launcher_key():
    from dagster_k8s import K8sRunLauncher

    values = yaml.safe_load(yaml.safe_dump(VALUES))
    values["runLauncher"]["config"]["k8sRunLauncher"]["imagePulPolicy"] = "Always"
    assert not validate_config(K8sRunLauncher.config_type(), _launcher_config_from_values(values)).success


def test_dagsters_schema_accepts_the_k8s_job_executor_config_and_the_code_location_uses_it(tmp_path):
    from dagster_k8s import k8s_job_executor

    _valid(k8s_job_executor.config_schema.config_type, K8S_EXECUTOR_CONFIG)
    defs = build_defs(Settings(data_dir=tmp_path, executor="k8s"))
    assert defs.resolve_job_def("retrain_job").executor_def.name == "k8s"


def test_the_run_queues_limits_are_valid_in_dagster_yaml_and_in_the_helm_values():
    instance = yaml.safe_load((REPO / "deploy" / "dagster.yaml").read_text())
    assert instance["storage"]["postgres"]["postgres_db"]["scheme"] == "postgresql+psycopg2"
    coordinator = instance["run_coordinator"]
    assert coordinator["class"] == "QueuedRunCoordinator"
    _valid(QueuedRunCoordinator.config_type(), coordinator["config"])
    helm = VALUES["dagsterDaemon"]["runCoordinator"]["config"]["queuedRunCoordinator"]
    assert helm["tagConcurrencyLimits"] == coordinator["config"]["tag_concurrency_limits"]
    gpu_limit = next(limit for limit in helm["tagConcurrencyLimits"] if limit["key"] == "gpu_pool")
    assert gpu_limit == {"key": "gpu_pool", "value": {"applyLimitPerUniqueValue": True}, "limit": 1}


@pytest.fixture(scope="module")
def assets(tmp_path_factory) -> dict[str, dg.AssetsDefinition]:
    defs = build_defs(Settings(data_dir=tmp_path_factory.mktemp("data")))
    graph = defs.resolve_asset_graph()
    return {key.to_user_string(): graph.assets_def_for_key(key) for key in graph.get_all_asset_keys()}


def test_every_asset_has_a_valid_pod_and_training_gets_a_gpu_node(assets):
    from dagster_k8s.job import get_user_defined_k8s_config

    for name, asset in assets.items():
        if not asset.is_executable:
            continue
        # What k8s_job_executor does with a step's tags: parse and validate them against dagster-k8s's schema.
        assert K8S_CONFIG_TAG in asset.op.tags, name
        pod = get_user_defined_k8s_config(asset.op.tags)
        limits = pod.container_config["resources"]["limits"]
        if name in GPU_ASSETS:
            assert limits["nvidia.com/gpu"] == "1", name
            assert pod.pod_spec_config["node_selector"] == GPU_NODE_SELECTOR, name
        else:
            assert "nvidia.com/gpu" not in limits, name
            assert "node_selector" not in pod.pod_spec_config, name


def test_gpu_assets_go_to_the_gpu_queue_and_the_rest_to_cpu(assets):
    queues = {name: asset.op.tags[CELERY_QUEUE_TAG] for name, asset in assets.items() if asset.is_executable}
    assert {name for name, queue in queues.items() if queue == "gpu"} == GPU_ASSETS
    assert {queue for name, queue in queues.items() if name not in GPU_ASSETS} == {"cpu"}


def test_the_celery_executor_sends_untagged_steps_to_cpu_on_the_settings_broker(tmp_path):
    broker = "pyamqp://guest:guest@rabbit.internal:5672//"
    defs = build_defs(Settings(data_dir=tmp_path, executor="celery", celery_broker_url=broker))
    executor = defs.resolve_job_def("ingestion_job").executor_def
    assert executor.name == "celery"
    resolved = executor.config_schema.resolve_config({})
    assert resolved.success
    assert resolved.value["config"]["broker"] == broker
    assert resolved.value["config"]["config_source"] == {"task_default_queue": "cpu"}
    command = celery_worker_command(Settings(data_dir=tmp_path, celery_broker_url=broker), "gpu", "gpu1", 1)
    assert command[command.index("--broker") + 1] == broker
    assert command[command.index("--queues") + 1] == "gpu"
    with pytest.raises(ValueError, match="unknown Celery queue"):
        celery_worker_command(Settings(data_dir=tmp_path), "dagster", "w", 1)
