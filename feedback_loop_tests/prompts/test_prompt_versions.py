"""System prompt versions: built in until the first change, never rewritten, and applying a recommendation starts
a prompt canary."""

import json

import pytest

from feedback_loop.analytics.recommend import ESCALATION_INSTRUCTION, length_instruction
from feedback_loop.prompts import (
    INITIAL_PROMPT_VERSION,
    PromptError,
    PromptStore,
    PromptVersion,
    Recommendation,
    apply_recommendation,
    champion_prompt,
    read_recommendations,
    recommendation_id,
    version_statuses,
    write_recommendations,
)
from feedback_loop.registry import Registry


@pytest.fixture
def registry(tmp_path):
    store = Registry(f"sqlite:///{tmp_path / 'prompt_registry.db'}")
    yield store
    store.close()


@pytest.fixture
def prompts(tmp_path):
    return PromptStore(tmp_path / "prompts")


SHORTER = length_instruction(30)


def _recommendation(kind="length", target="concise", change=SHORTER) -> Recommendation:
    return Recommendation(
        recommendation_id(kind, target, change), kind, target, change, f"{target}: evidence in words", {"ratio": 3.0}
    )


def _propose(prompts: PromptStore, *recommendations: Recommendation) -> None:
    _, stored = read_recommendations(prompts.recommendations_path)
    write_recommendations(prompts.recommendations_path, [*stored, *recommendations], {"prompt_version": "support-v1"})


def test_reading_writes_nothing_and_the_initial_version_is_the_champion_until_a_change(tmp_path, registry, prompts):
    initial = champion_prompt(prompts, registry)
    assert (initial.version, initial.text, initial.segment_instructions, initial.parent) == (
        INITIAL_PROMPT_VERSION,
        "",
        {},
        None,
    )
    assert initial.system_text("concise") == ""
    assert [p.version for p in prompts.versions()] == [INITIAL_PROMPT_VERSION]
    assert version_statuses(registry) == {INITIAL_PROMPT_VERSION: "champion"}
    assert not (tmp_path / "prompts").exists()
    assert registry.list() == [] and registry.audit_log() == []


def test_the_first_change_registers_the_initial_version_as_champion_once(registry, prompts):
    recommendation = _recommendation()
    _propose(prompts, recommendation)
    apply_recommendation(prompts, registry, recommendation.id, by="ana")
    stored = json.loads(prompts.path(INITIAL_PROMPT_VERSION).read_text())
    assert (stored["text"], stored["created_by"]) == ("", "feedback-loop") and stored["created_at"]
    assert registry.champion().version == INITIAL_PROMPT_VERSION
    assert [(a["version"], a["to_status"]) for a in registry.audit_log(INITIAL_PROMPT_VERSION)] == [
        (INITIAL_PROMPT_VERSION, "candidate"),
        (INITIAL_PROMPT_VERSION, "champion"),
    ]
    assert version_statuses(registry) == {INITIAL_PROMPT_VERSION: "champion", "support-v2": "canary"}


def test_versions_are_written_whole_and_never_rewritten(prompts):
    with pytest.raises(PromptError, match=r"support-v1.*text.*never rewritten"):
        prompts.write(PromptVersion(INITIAL_PROMPT_VERSION, "Be kind.", {}, None, "t", "ana", None))
    prompt = PromptVersion(
        "support-v7", "Be kind.", {"concise": "Be brief."}, "support-v1", "2026-11-01T00:00:00+00:00", "ana", None
    )
    assert prompts.write(prompt) == prompt
    assert json.loads(prompts.path("support-v7").read_text())["segment_instructions"] == {"concise": "Be brief."}
    assert prompt.system_text("concise") == "Be kind.\nBe brief." and prompt.system_text(None) == "Be kind."
    # The same content again keeps the stored file, its time included.
    assert prompts.write(PromptVersion(**{**prompt.__dict__, "created_at": "later", "created_by": "bo"})) == prompt
    with pytest.raises(PromptError, match=r"support-v7.*segment_instructions.*never rewritten"):
        prompts.write(PromptVersion(**{**prompt.__dict__, "segment_instructions": {"concise": "Be briefer."}}))
    assert prompts.get("support-v7") == prompt
    assert {p.version for p in prompts.versions()} == {INITIAL_PROMPT_VERSION, "support-v7"}


@pytest.mark.parametrize("name", ["../escape", "recommendations", "", "-v2", "a b"])
def test_version_names_must_be_safe_file_names(prompts, name):
    with pytest.raises(PromptError, match="field 'version'"):
        prompts.write(PromptVersion(name, "", {}, None, "t", "ana", None))


def test_a_broken_version_file_is_named_with_its_field(prompts):
    prompts.directory.mkdir()
    prompts.path("support-v9").write_text(
        json.dumps(
            {
                "version": "support-v9",
                "text": "",
                "segment_instructions": {"concise": ""},
                "parent": None,
                "created_at": "t",
                "created_by": "ana",
                "recommendation_id": None,
            }
        )
    )
    with pytest.raises(PromptError, match=r"support-v9.json: field 'segment_instructions'"):
        prompts.get("support-v9")


def test_applying_a_recommendation_creates_the_canary_in_the_prompt_registry(registry, prompts):
    recommendation = _recommendation()
    _propose(prompts, recommendation)
    prompt = apply_recommendation(prompts, registry, recommendation.id, by="ana", canary_share=0.25)

    assert (prompt.version, prompt.parent, prompt.created_by) == ("support-v2", INITIAL_PROMPT_VERSION, "ana")
    assert prompt.segment_instructions == {"concise": "Keep answers to 22 words or fewer."}
    assert prompt.recommendation_id == recommendation.id
    assert prompts.get("support-v2") == prompt
    record = registry.get("support-v2")
    assert record.status == "canary" and record.canary_share == 0.25
    assert (
        record.lineage["parent"] == INITIAL_PROMPT_VERSION and record.lineage["recommendation_id"] == recommendation.id
    )
    assert registry.champion().version == INITIAL_PROMPT_VERSION
    moves = [(a["from_status"], a["to_status"], a["actor"]) for a in registry.audit_log("support-v2")]
    assert moves == [(None, "candidate", "ana"), ("candidate", "canary", "ana")]
    assert recommendation.id in registry.audit_log("support-v2")[-1]["reason"]

    analysis, (applied,) = read_recommendations(prompts.recommendations_path)
    assert analysis == {"prompt_version": "support-v1"}
    assert (applied.status, applied.prompt_version, applied.applied_by) == ("applied", "support-v2", "ana")
    with pytest.raises(PromptError, match="already applied as support-v2"):
        apply_recommendation(prompts, registry, recommendation.id, by="ana")


def test_one_prompt_canary_at_a_time_and_bad_requests_are_refused(registry, prompts):
    first, second = _recommendation(), _recommendation("escalation", "impatient", ESCALATION_INSTRUCTION)
    _propose(prompts, first, second)
    with pytest.raises(PromptError, match="no recommendation 'nope'"):
        apply_recommendation(prompts, registry, "nope", by="ana")
    with pytest.raises(PromptError, match="canary_share"):
        apply_recommendation(prompts, registry, first.id, by="ana", canary_share=1.0)
    with pytest.raises(PromptError, match="field 'by'"):
        apply_recommendation(prompts, registry, first.id, by=" ")
    apply_recommendation(prompts, registry, first.id, by="ana")
    with pytest.raises(PromptError, match="support-v2 is still the canary"):
        apply_recommendation(prompts, registry, second.id, by="ana")
    assert [p.version for p in prompts.versions()] == [INITIAL_PROMPT_VERSION, "support-v2"]


def test_after_a_promotion_a_new_change_builds_on_the_champion_and_replaces_its_own_kind(registry, prompts):
    first, escalation = _recommendation(), _recommendation("escalation", "concise", ESCALATION_INSTRUCTION)
    _propose(prompts, first, escalation)
    apply_recommendation(prompts, registry, first.id, by="ana")
    registry.promote("support-v2", actor="prompt_ab_test", reason="better")

    combined = apply_recommendation(prompts, registry, escalation.id, by="bo")
    assert (combined.version, combined.parent) == ("support-v3", "support-v2")
    assert combined.segment_instructions["concise"] == f"{length_instruction(30)} {ESCALATION_INSTRUCTION}"
    registry.promote("support-v3", actor="prompt_ab_test", reason="better")

    shorter = _recommendation(change=length_instruction(20))
    _propose(prompts, shorter)
    replaced = apply_recommendation(prompts, registry, shorter.id, by="ana")
    assert replaced.segment_instructions["concise"] == f"{ESCALATION_INSTRUCTION} {length_instruction(20)}"


def test_a_change_the_champion_already_says_is_refused(registry, prompts):
    recommendation = _recommendation()
    prompts.write(PromptVersion("support-v2", "", {"concise": recommendation.change}, "support-v1", "t", "ana", None))
    registry.register("support-v2", path=str(prompts.path("support-v2")), metrics={}, lineage={}, actor="ana")
    registry.promote("support-v2", actor="ana", reason="written by hand")
    _propose(prompts, recommendation)
    with pytest.raises(PromptError, match="already tells segment 'concise'"):
        apply_recommendation(prompts, registry, recommendation.id, by="ana")
    assert registry.canary() is None
