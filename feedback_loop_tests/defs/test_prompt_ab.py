"""The system prompt assets: prompt_ab_test decides on the prompt canary like online_ab_test does on adapters,
and prompt_recommendations writes its proposals and keeps the applied ones."""

import json
from datetime import UTC, datetime

import dagster as dg
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.defs.prompts import prompt_ab_test, prompt_recommendations
from feedback_loop.defs.resources import PromotionPolicy
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.prompts import INITIAL_PROMPT_VERSION, PromptStore, Recommendation, write_recommendations
from feedback_loop.registry import Registry
from feedback_loop.warehouse import Warehouse

DAY = "2026-11-03"
OLD_DAY = "2026-11-01"
CANARY = "support-v2"
# A 10-point non-inferiority margin, so that a few hundred thumbs can decide.
MARGIN = {"ops": {"prompt_ab_test": {"config": {"non_inferiority_margin": 0.1}}}}


def _labels(arms: dict[str, tuple[int, int]], adapter: str | None = "champ") -> pa.Table:
    """Label rows: per system prompt version, (interactions with a thumb, thumbs up), two per user."""
    rows = [
        {
            "interaction_id": f"{version}-{i}",
            "timestamp": datetime(2026, 11, 3, tzinfo=UTC),
            "user_id": f"user-{version}-{i // 2}",
            "system_prompt_version": version,
            "adapter_version": adapter,
            "thumb": "up" if i < up else "down",
            "escalated": False,
        }
        for version, (thumbs, up) in arms.items()
        for i in range(thumbs)
    ]
    return pa.Table.from_pylist(rows, schema=labels_arrow_schema())


def _setup(settings, arms):
    """The prompt registry with support-v2 as a 20% canary, and labels of the canary's day and of a day before
    it served."""
    registry = Registry(settings.prompt_registry_url)
    prompts = PromptStore(settings.layout.prompts)
    recommendation = Recommendation("rec-1", "length", "concise", "Keep answers to 30 words or fewer.", "why", {})
    write_recommendations(prompts.recommendations_path, [recommendation], {})
    result = CliRunner().invoke(
        app, ["prompts", "apply", "rec-1", "--by", "ana", "--canary-share", "0.2", "--data-dir", str(settings.data_dir)]
    )
    assert result.exit_code == 0, result.output
    assert "support-v2" in result.output and registry.canary().version == CANARY
    warehouse = Warehouse(settings.layout.warehouse)
    warehouse.write_partition("labels", DAY, _labels(arms))
    # The champion prompt's poor day before the canary served must not count for the canary.
    warehouse.write_partition("labels", OLD_DAY, _labels({INITIAL_PROMPT_VERSION: (400, 0)}))
    return registry


@pytest.mark.parametrize(
    ("arms", "decision", "status"),
    [
        ({INITIAL_PROMPT_VERSION: (400, 280), CANARY: (120, 40)}, "rollback", "rejected"),
        ({INITIAL_PROMPT_VERSION: (400, 160), CANARY: (200, 150)}, "promote", "champion"),
        ({INITIAL_PROMPT_VERSION: (400, 160), CANARY: (20, 15)}, "wait", "canary"),
    ],
)
def test_prompt_ab_decision_moves_the_prompt_registry(settings, resources, arms, decision, status):
    registry = _setup(settings, arms)
    result = dg.materialize([prompt_ab_test], resources=resources, run_config=MARGIN)
    assert result.success
    metadata = result.asset_materializations_for_node("prompt_ab_test")[0].metadata
    assert (metadata["decision"].value, metadata["canary"].value) == (decision, CANARY)
    assert registry.get(CANARY).status == status
    stored = registry.get(CANARY).metrics["prompt_ab_test"]
    assert stored["decision"] == decision and stored["key"] == "system_prompt_version"
    assert stored["days"] == [DAY]
    if decision != "wait":
        entry = [a for a in registry.audit_log(CANARY) if a["from_status"] != a["to_status"] == status][-1]
        assert entry["actor"] == "prompt_ab_test" and "thumbs-up rate" in entry["reason"]
    if decision == "promote":
        assert registry.get(INITIAL_PROMPT_VERSION).status == "retired"
    # The adapter registry is another experiment: untouched.
    assert Registry(settings.registry_url).list() == []


def test_no_prompt_canary_means_no_decision(settings, resources):
    result = dg.materialize([prompt_ab_test], resources=resources)
    assert result.asset_materializations_for_node("prompt_ab_test")[0].metadata["decision"].value == "none"


def test_a_required_approval_holds_the_prompt_promotion_until_someone_approves(settings, resources):
    registry = _setup(settings, {INITIAL_PROMPT_VERSION: (400, 160), CANARY: (200, 150)})
    policy = {**resources, "promotion_policy": PromotionPolicy(require_approval=True)}
    result = dg.materialize([prompt_ab_test], resources=policy, run_config=MARGIN)
    metadata = result.asset_materializations_for_node("prompt_ab_test")[0].metadata
    assert metadata["decision"].value == "awaiting_approval"
    assert f"feedback-loop prompts approve {CANARY}" in metadata["reasons"].value
    assert (registry.get(CANARY).status, registry.champion().version) == ("canary", INITIAL_PROMPT_VERSION)

    approved = CliRunner().invoke(
        app, ["prompts", "approve", CANARY, "--approver", "ana", "--data-dir", str(settings.data_dir)]
    )
    assert approved.exit_code == 0, approved.output
    assert f"champion is now {CANARY}" in approved.output
    assert registry.champion().version == CANARY


def _planted_labels() -> pa.Table:
    """Segment 'concise': long answers (80 tokens) rated down 40%, short ones (20 tokens) 10%."""
    rows = []
    for segment, tokens, n, down in (
        ("concise", 20, 600, 60),
        ("concise", 80, 200, 80),
        ("thorough", 20, 600, 60),
        ("thorough", 80, 200, 20),
    ):
        rows += [
            {
                "interaction_id": f"{segment}-{tokens}-{i}",
                "user_segment": segment,
                "completion_tokens": tokens,
                "system_prompt_version": INITIAL_PROMPT_VERSION,
                "thumb": "down" if i < down else "up",
                "escalated": False,
            }
            for i in range(n)
        ]
    return pa.Table.from_pylist(rows, schema=labels_arrow_schema())


def test_prompt_recommendations_are_written_idempotently_and_keep_their_applied_status(settings, resources):
    Warehouse(settings.layout.warehouse).write_partition("labels", DAY, _planted_labels())
    result = dg.materialize([prompt_recommendations], resources=resources)
    metadata = result.asset_materializations_for_node("prompt_recommendations")[0].metadata
    path = settings.layout.prompts / "recommendations.json"
    stored = json.loads(path.read_text())
    (recommendation,) = stored["recommendations"]
    assert (recommendation["kind"], recommendation["target"], recommendation["status"]) == (
        "length",
        "concise",
        "proposed",
    )
    assert recommendation["evidence"]["long"] == {"judged": 200, "rated_down": 80, "rate": 0.4}
    assert (stored["prompt_version"], stored["days"]) == (INITIAL_PROMPT_VERSION, [DAY])
    assert metadata["proposed"].value == 1 and recommendation["id"] in metadata["recommendations"].value

    first = path.read_bytes()
    dg.materialize([prompt_recommendations], resources=resources)
    assert path.read_bytes() == first

    cli = ["--data-dir", str(settings.data_dir)]
    applied = CliRunner().invoke(app, ["prompts", "apply", recommendation["id"], "--by", "ana", *cli])
    assert applied.exit_code == 0, applied.output
    dg.materialize([prompt_recommendations], resources=resources)
    listed = CliRunner().invoke(app, ["prompts", "list", "--json", *cli])
    assert listed.exit_code == 0, listed.output
    shown = json.loads(listed.output)
    (kept,) = shown["recommendations"]
    assert (kept["id"], kept["status"], kept["prompt_version"]) == (recommendation["id"], "applied", CANARY)
    assert {v["version"]: v["status"] for v in shown["versions"]} == {
        INITIAL_PROMPT_VERSION: "champion",
        CANARY: "canary",
    }
