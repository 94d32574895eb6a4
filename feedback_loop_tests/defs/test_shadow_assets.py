"""shadow_telemetry and shadow_evaluation as assets on a simulated day with a shadow challenger: the shadow
answers stay out of `events` and `kpi_daily`, are redacted, and decide whether the challenger reaches the canary."""

from __future__ import annotations

from datetime import date

import dagster as dg
import numpy
import pytest

from feedback_loop.defs.analytics import kpi_daily
from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.shadow import SHADOW_CHECK, shadow_evaluation, shadow_telemetry
from feedback_loop.registry import Registry
from feedback_loop.registry.policy import ShadowPeriod, roll_out
from feedback_loop.serve import ServedResponse, ShadowAnswer
from feedback_loop.simulate import INTENTS, classify_response, simulate_day
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.adapter_folders import adapter_folder

DAY = "2026-11-02"
DAILY = [raw_telemetry, shadow_telemetry, labeled_interactions, kpi_daily]
RULES_ONLY = {"labeled_interactions": {"config": {"use_auto_labeler": False}}}
SECRET = "jane.doe@example.com"
MARK = "[unseen] "


def _intent(prompt: str):
    return next(intent for intent in INTENTS if any(phrasing in prompt for phrasing in intent.phrasings))


class _WorldLabeler:
    """A reward model that knows the simulated world: P(good) 0.9 for the intent's right answer, else 0.1."""

    def predict_good_proba(self, table):
        rows = zip(table["prompt"].to_pylist(), table["response"].to_pylist(), strict=True)
        return numpy.array([0.9 if classify_response(_intent(p), r) == "correct" else 0.1 for p, r in rows])


def _responder(shadow_right: bool):
    """The shadow (on every other request) answers right where the champion invents a policy, or with another
    intent's answer where the champion answers right; one shadow answer carries an e-mail address."""

    def answer(requests):
        responses = []
        for index, request in enumerate(requests):
            intent = _intent(request.prompt)
            shadow = None
            if index % 2 == 0:
                text = MARK + (
                    intent.answer if shadow_right else INTENTS[(INTENTS.index(intent) + 1) % len(INTENTS)].answer
                )
                if index == 0:
                    text += f" Write to {SECRET}."
                shadow = ShadowAnswer(text, "v2", 40.0, len(text.split()))
            champion = intent.hallucination if shadow_right else intent.answer
            responses.append(ServedResponse(champion, "base-model", None, shadow=shadow))
        return responses

    return answer


@pytest.fixture
def shadow_day(settings, resources, monkeypatch):
    """v2 in shadow, a day served with its answers attached, and the day's daily assets materialized."""
    import feedback_loop.label.publication as publication

    store = Registry(settings.registry_url)
    path = adapter_folder(settings.layout.adapters / "v2")  # the canary it goes on to must be one a server loads
    store.register("v2", path=path, metrics={}, lineage={}, actor="test")
    roll_out(
        store, "v2", rollout="canary", canary_share=0.2, require_approval=False, actor="champion_adapter",
        reason="gate", gated_against=None, shadow=ShadowPeriod(days=1),
    )  # fmt: skip
    monkeypatch.setattr(publication, "current_labeler", lambda root: (_WorldLabeler(), "world-labeler"))

    def serve(shadow_right: bool):
        simulated = simulate_day(
            settings.layout.landing,
            date.fromisoformat(DAY),
            240,
            5,
            responder=_responder(shadow_right),
            shadow_dir=settings.layout.shadow_landing,
        )
        daily = dg.materialize(DAILY, partition_key=DAY, resources=resources, run_config={"ops": RULES_ONLY})
        assert daily.success
        return simulated

    return store, serve


def _evaluate(resources):
    result = dg.materialize([shadow_evaluation], resources=resources, raise_on_error=False)
    [check] = [e for e in result.get_asset_check_evaluations() if e.check_name == SHADOW_CHECK]
    return result, check


def test_a_worse_shadow_is_rejected_and_its_answers_stay_out_of_what_users_saw(settings, resources, shadow_day):
    store, serve = shadow_day
    simulated = serve(shadow_right=False)
    tables = Warehouse(settings.layout.warehouse)
    events = tables.read_partitions("events", [DAY])
    shadows = tables.read_partitions("shadow_events", [DAY])
    assert shadows.num_rows == simulated.shadow_events == 120
    # Users saw only the champion: no shadow answer, no shadow version in events, labels or kpi_daily.
    assert all(text.startswith(MARK) for text in shadows["response"].to_pylist())
    assert not any(MARK in (text or "") for text in events["response"].to_pylist())
    assert "v2" not in set(events["adapter_version"].to_pylist())
    for table in ("labels", "kpi_daily"):
        assert "v2" not in set(tables.read_partitions(table, [DAY])["adapter_version"].to_pylist())
    [total] = [row for row in tables.read_partitions("kpi_daily", [DAY]).to_pylist() if row["adapter_version"] == "all"]
    assert total["interactions"] == simulated.interactions == 240  # the shadow's 120 answers are not interactions
    # Redacted and pseudonymized like everything else, with the users' own pseudonyms.
    assert SECRET not in " ".join(shadows["response"].to_pylist())
    assert any("<EMAIL>" in text for text in shadows["response"].to_pylist())
    assert set(shadows["user_id"].to_pylist()) <= set(events["user_id"].to_pylist())
    assert not any(user.startswith("sim-user") for user in shadows["user_id"].to_pylist())

    result, check = _evaluate(resources)
    assert not result.success and not check.passed
    assert store.get("v2").status == "rejected" and store.canary() is None and store.shadow() is None
    summary = store.get("v2").metrics["shadow_evaluation"]
    assert summary["decision"] == "rejected" and summary["prompts"] == 120 and summary["differing_share"] == 1.0
    assert summary["primary"]["high"] < 0 and summary["labeler_version"] == "world-labeler"
    assert summary["worst_examples"] and "v2" in summary["challenger_version"]
    metadata = check.metadata
    assert metadata["decision"].value == "rejected" and metadata["p_good_high"].value < 0
    assert (settings.layout.evaluations / "v2" / "shadow_pairs.parquet").exists()


def test_a_better_shadow_goes_on_to_the_canary(settings, resources, shadow_day):
    store, serve = shadow_day
    serve(shadow_right=True)
    result, check = _evaluate(resources)
    assert result.success and check.passed
    canary = store.canary()
    assert (canary.version, canary.canary_share) == ("v2", 0.2)
    output = result.output_for_node("shadow_evaluation")
    assert output["decision"] == "passed" and output["status"] == "canary"
    assert output["primary"]["low"] > output["spec"]["margin"]


def test_an_evaluation_that_another_run_decided_first_re_runs_and_changes_nothing(
    settings, resources, shadow_day, monkeypatch
):
    """Two shadow evaluations at once: the other run moves the challenger to the canary while this one is about to;
    this one's step is retried on the new state (no challenger in shadow) instead of failing or rejecting."""
    import feedback_loop.registry.policy as policy

    store, serve = shadow_day
    serve(shadow_right=True)
    decide = policy.apply_shadow_decision

    def the_other_run_decides_first(registry, version, passed, **options):
        monkeypatch.setattr(policy, "apply_shadow_decision", decide)
        other = Registry(settings.registry_url)
        decide(other, version, passed, **{**options, "actor": "the other run"})
        other.close()
        return decide(registry, version, passed, **options)

    monkeypatch.setattr(policy, "apply_shadow_decision", the_other_run_decides_first)
    result, check = _evaluate(resources)
    assert result.success and check.passed
    assert [event.event_type_value for event in result.all_events].count("STEP_UP_FOR_RETRY") == 1
    assert result.output_for_node("shadow_evaluation")["decision"] == "none"
    assert store.canary().version == "v2"
    moves = [(row["from_status"], row["to_status"], row["actor"]) for row in store.audit_log("v2")]
    assert [move for move in moves if move[0] != move[1]][-1] == ("shadow", "canary", "the other run")
    assert [move for move in moves if move[0] == "shadow" and move[1] != "shadow"] == [
        ("shadow", "canary", "the other run")
    ]


def test_the_shadow_waits_for_its_period(settings, resources, shadow_day):
    store, _ = shadow_day
    result, check = _evaluate(resources)  # no shadow traffic yet
    assert result.success and check.passed
    assert result.output_for_node("shadow_evaluation")["decision"] == "wait"
    assert store.get("v2").status == "shadow"


def test_without_a_published_labeler_the_users_corrections_judge_the_shadow(
    settings, resources, shadow_day, monkeypatch
):
    """A labeler that failed its quality check leaves no P(good); the challenger must not wait in shadow for ever
    (the slot world's loop stalled so): where users corrected the champion, the answer closer to it wins."""
    import feedback_loop.label.publication as publication

    store, serve = shadow_day
    serve(shadow_right=True)  # the champion invents policies, users correct it, the shadow gives the right answer
    monkeypatch.setattr(publication, "current_labeler", lambda root: (None, "the labeler failed its quality check"))

    result, check = _evaluate(resources)

    assert result.success and check.passed
    metadata = check.metadata
    assert metadata["decision"].value == "passed"
    assert metadata["primary_metric"].value == "correction_f1" and "p_good_mean" not in metadata
    assert metadata["correction_f1_low"].value > 0
    summary = store.get("v2").metrics["shadow_evaluation"]
    assert summary["labeler_version"] is None and summary["corrections"] >= 2
    assert any("judged on the users' corrections" in reason for reason in summary["reasons"])
    assert store.get("v2").status == "canary"


def test_without_a_published_labeler_nor_corrections_the_shadow_waits_rather_than_being_rejected(
    settings, resources, shadow_day, monkeypatch
):
    """The champion answers right, so nobody corrects it: without P(good) there is no evidence either way."""
    import feedback_loop.label.publication as publication

    store, serve = shadow_day
    serve(shadow_right=False)
    monkeypatch.setattr(publication, "current_labeler", lambda root: (None, "the labeler failed its quality check"))

    result, check = _evaluate(resources)

    assert result.success and check.passed  # no evidence is no verdict: waiting fails nothing
    assert check.metadata["decision"].value == "wait"
    assert "0 corrected prompt(s)" in check.metadata["reasons"].value
    assert store.get("v2").status == "shadow" and store.shadow().version == "v2"


def test_both_telemetry_streams_stream_a_day_through_work_files_in_the_configured_work_dir(
    settings, resources, shadow_day, monkeypatch, tmp_path
):
    """`shadow_telemetry` streams its day like `raw_telemetry` (never the whole day in memory), and both put their
    work files (a 10M-event day's spills do not fit a small /tmp) in the `work_dir` the operator configured."""
    import tempfile

    import feedback_loop.defs.ingest
    import feedback_loop.ingest

    _, serve = shadow_day
    serve(shadow_right=True)
    system_tmp, work_dir = tmp_path / "system_tmp", tmp_path / "work"
    system_tmp.mkdir()
    work_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    streamed: dict[str, list] = {}
    original = feedback_loop.ingest.ingest_partition_file

    def recorded(landing_dir, partition, pseudonym_key, work, *args):
        streamed.setdefault(str(landing_dir), []).append(work.parent)
        return original(landing_dir, partition, pseudonym_key, work, *args)

    monkeypatch.setattr(feedback_loop.ingest, "ingest_partition_file", recorded)
    monkeypatch.setattr(feedback_loop.defs.ingest, "ingest_partition_file", recorded)
    config = {"config": {"work_dir": str(work_dir)}}
    ingested = dg.materialize(
        [raw_telemetry, shadow_telemetry],
        partition_key=DAY,
        resources=resources,
        run_config={"ops": {"raw_telemetry": config, "shadow_telemetry": config}},
    )
    assert ingested.success
    landings = (settings.layout.landing, settings.layout.shadow_landing)
    assert streamed == {str(path): [work_dir] for path in landings}
    assert list(work_dir.iterdir()) == [] and list(system_tmp.iterdir()) == []
    # The shadow answers went the streaming way into the warehouse, as before: all there, redacted.
    answers = Warehouse(settings.layout.warehouse).read_partitions("shadow_events", [DAY])["response"].to_pylist()
    assert len(answers) == 120 and not any(SECRET in text for text in answers)


def test_entries_the_shadow_ingestion_skips_are_listed_and_logged_as_raw_telemetrys(settings, resources, instance):
    """A misnamed folder at the top of `shadow_landing/` and a stray file in a day folder are listed in each day's
    `skipped` with their reasons and said once in the run's warnings, as `raw_telemetry` reports its own."""
    import logging

    shadow_landing = settings.layout.shadow_landing
    first = "2026-11-01"
    (shadow_landing / "nov-8").mkdir(parents=True)
    (shadow_landing / "nov-8" / "a.jsonl").write_text("{}\n")
    (shadow_landing / DAY).mkdir()
    (shadow_landing / DAY / "notes.txt").write_text("not telemetry\n")
    tags = {"dagster/asset_partition_range_start": first, "dagster/asset_partition_range_end": DAY}
    result = dg.materialize([shadow_telemetry], resources=resources, instance=instance, tags=tags)
    assert result.success

    not_jsonl = "not named *.jsonl or *.jsonl.gz (names are case-sensitive)"
    misnamed = {"nov-8": "not a day folder: expected YYYY-MM-DD"}
    recorded = {
        day: instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=shadow_telemetry.key, asset_partitions=[day]), limit=1
        )
        .records[0]
        .asset_materialization.metadata
        for day in (first, DAY)
    }
    assert (recorded[first]["skipped"].value, recorded[first]["skipped_files"].value) == (misnamed, 1)
    assert recorded[DAY]["skipped"].value == {**misnamed, f"{DAY}/notes.txt": not_jsonl}
    warnings = sorted(
        entry.user_message
        for entry in instance.all_logs(result.run_id)
        if entry.level == logging.WARNING and "skipped" in entry.user_message
    )
    assert warnings == [
        f"{DAY}: skipped {DAY}/notes.txt: {not_jsonl}",
        "skipped shadow_landing/nov-8: not a day folder: expected YYYY-MM-DD; no day reads it",
    ]
