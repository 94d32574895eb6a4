"""Where each step runs beyond one machine: Dagster's own engines (dagster-celery, dagster-k8s), chosen by the
settings' `executor`, and the op tags that route the GPU assets to GPU workers and size every Kubernetes pod.

The assets hand everything over through the data root, so a step runs the same in the run's process, on a
Celery worker or in a Kubernetes job; only where it runs and with what resources changes. deploy/README.md
says how to run each engine.
"""

import dagster as dg

from feedback_loop.settings import Settings

CELERY_QUEUE_TAG = "dagster-celery/queue"
"""dagster-celery's op tag naming the queue a step is sent to."""
K8S_CONFIG_TAG = "dagster-k8s/config"
"""dagster-k8s's op tag: the container and pod spec of the step's Kubernetes job (k8s_job_executor)."""
CPU_QUEUE = "cpu"
GPU_QUEUE = "gpu"

COMPUTE_TAG = "compute"
"""The run tag (`compute: gpu`) the run coordinator limits GPU runs by (deploy/dagster.yaml)."""
GPU_POOL_TAG = "gpu_pool"
"""The run tag naming the pool of GPU nodes a run trains on: one run at a time per pool (deploy/dagster.yaml)."""
DEFAULT_GPU_POOL = "default"
INGESTION_TAG = "feedback_loop/ingestion"
"""The run tag of ingestion runs, whose number at once deploy/dagster.yaml limits."""

# The GPU feature discovery label (NVIDIA's GPU operator sets it on every GPU node) and the taint GPU node
# pools usually carry, so that only steps asking for a GPU land there.
GPU_NODE_SELECTOR = {"nvidia.com/gpu.present": "true"}
GPU_TOLERATIONS = [{"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}]


def _pod(requests: dict[str, str], limits: dict[str, str], gpu: bool = False) -> dict:
    """A `dagster-k8s/config` tag value: the container's resources, and on a GPU node when ``gpu``."""
    config: dict = {"container_config": {"resources": {"requests": requests, "limits": limits}}}
    if gpu:
        config["pod_spec_config"] = {"node_selector": GPU_NODE_SELECTOR, "tolerations": GPU_TOLERATIONS}
    return config


def gpu_op_tags(requests: dict[str, str], limits: dict[str, str]) -> dict:
    """Op tags of a step that wants a GPU: the Celery `gpu` queue, and a Kubernetes pod with one NVIDIA GPU on a
    GPU node."""
    return {CELERY_QUEUE_TAG: GPU_QUEUE, K8S_CONFIG_TAG: _pod(requests, {**limits, "nvidia.com/gpu": "1"}, gpu=True)}


def cpu_op_tags(requests: dict[str, str], limits: dict[str, str]) -> dict:
    """Op tags of a CPU step: the Celery `cpu` queue, and a Kubernetes pod of this size."""
    return {CELERY_QUEUE_TAG: CPU_QUEUE, K8S_CONFIG_TAG: _pod(requests, limits)}


# Sizes from the measured figures (docs/pipeline.md `bench ingest`: 524 MB peak at 100k events a day, 3.5 GB at
# 1M; README "Capacity plan"): ingestion holds a whole day in memory, labeling and the A/B tests far less. Ingestion
# asks for two CPUs: the `patterns+ner` tier reads a day's texts in two worker processes (IngestSpec.ner_workers).
INGEST_OP_TAGS = cpu_op_tags({"cpu": "2", "memory": "4Gi"}, {"memory": "8Gi"})
LABEL_OP_TAGS = cpu_op_tags({"cpu": "1", "memory": "2Gi"}, {"memory": "4Gi"})
LIGHT_OP_TAGS = cpu_op_tags({"cpu": "250m", "memory": "512Mi"}, {"memory": "2Gi"})
TRAIN_OP_TAGS = gpu_op_tags({"cpu": "4", "memory": "16Gi"}, {"memory": "32Gi"})


K8S_EXECUTOR_CONFIG = {
    # Steps of one run at once (an ingestion run's labeling steps fan out); the image, environment and volumes
    # come from the run launcher's config (deploy/helm/values.yaml), and each step's size from its op tags.
    "max_concurrent": 4,
    "step_k8s_config": {"pod_template_spec_metadata": {"labels": {"app.kubernetes.io/part-of": "feedback-loop"}}},
}


def executor_for(settings: Settings) -> dg.ExecutorDefinition | None:
    """The executor of the settings' `executor` (None: Dagster's default, the multiprocess executor).

    The Celery executor talks to the settings' broker, and a step without a queue tag goes to `cpu`. Each engine's
    package is imported only when chosen: a laptop needs neither.
    """
    if settings.executor == "celery":
        from dagster_celery import celery_executor

        return celery_executor.configured(
            {
                "broker": settings.celery_broker_url,
                # The results come back over the broker itself: nothing more to run.
                "backend": "rpc://",
                "config_source": {"task_default_queue": CPU_QUEUE},
            },
            name="celery",
        )
    if settings.executor == "k8s":
        from dagster_k8s import k8s_job_executor

        return k8s_job_executor.configured(K8S_EXECUTOR_CONFIG, name="k8s")
    return None


QUEUES = (CPU_QUEUE, GPU_QUEUE)


def celery_worker_command(settings: Settings, queue: str, name: str, concurrency: int) -> list[str]:
    """The arguments (after the Python interpreter) of a Celery worker taking steps from ``queue`` on the settings'
    broker: dagster-celery's own app, which runs each step it receives against the run's Dagster instance.

    ``name`` becomes the worker's node name (``name@host``, which the run's event log shows for each step);
    ``concurrency`` steps run at once, each in a child process of the worker.
    """
    if queue not in QUEUES:
        raise ValueError(f"unknown Celery queue {queue!r}: the steps go to {' or '.join(QUEUES)}")
    return [
        "-m",
        "celery",
        "--app",
        "dagster_celery.app",
        "--broker",
        settings.celery_broker_url,
        "worker",
        "--queues",
        queue,
        "--hostname",
        f"{name}@%h",
        "--concurrency",
        str(concurrency),
        # One step at a time per child: a long training must not hold back steps another worker could take.
        "--prefetch-multiplier",
        "1",
        "--loglevel",
        "INFO",
    ]
