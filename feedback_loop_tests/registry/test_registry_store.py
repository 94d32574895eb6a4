"""The adapter registry on SQLite and on the real PostgreSQL server (tests marked ``postgres``)."""

from __future__ import annotations

import itertools
import json
import shutil
import threading

import pytest
import sqlalchemy as sa

from feedback_loop.registry import (
    BASE,
    STATUSES,
    TRANSITIONS,
    ConcurrentChangeError,
    IllegalTransitionError,
    NoPreviousChampionError,
    Registry,
    UnknownVersionError,
    UnusableArtifactError,
    adapter_registry,
)
from feedback_loop.registry.store import adapters_table, approvals_table, audit_table, metadata, pointer_table
from feedback_loop.serve.router import Arm, arms_from_registry
from feedback_loop_tests.adapter_folders import adapter_folder


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'registry.db'}"


# postgres_url: feedback_loop_tests/conftest.py
@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request):
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def registry(url):
    reg = Registry(url)
    yield reg
    reg.close()


def _register(reg: Registry, *versions: str) -> None:
    for version in versions:
        reg.register(
            version,
            path=f"/adapters/{version}",
            metrics={"win_rate": 0.5},
            lineage={"run": version},
            actor="trainer",
        )


def _state(reg: Registry) -> tuple:
    """Everything the registry holds, for before/after comparisons."""
    return (
        [(r.version, r.status, r.metrics) for r in reg.list()],
        reg.audit_log(),
        reg.champion_history(),
    )


def _assert_consistent(reg: Registry) -> None:
    """Exactly the pointer's latest version is champion, and the pointer history is one chain."""
    champions = [r.version for r in reg.list() if r.status == "champion"]
    history = reg.champion_history()
    assert champions == ([history[-1]["version"]] if history and history[-1]["version"] != BASE else [])
    for before, after in itertools.pairwise(history):
        assert after["replaced_version"] == before["version"]


# --- lifecycle (both backends) ----------------------------------------------------------------------
def test_full_lifecycle(registry):
    assert registry.champion() is None and registry.list() == []
    record = registry.register(
        "v1", path="/adapters/v1", metrics={"win_rate": 0.61}, lineage={"dataset": "d1"}, actor="trainer"
    )
    assert (record.version, record.status, record.path) == ("v1", "candidate", "/adapters/v1")
    assert record.metrics == {"win_rate": 0.61} and record.lineage == {"dataset": "d1"}
    assert record.created_at.tzinfo is not None

    registry.promote("v1", actor="gate", reason="first adapter")
    _register(registry, "v2", "v3")
    canary = registry.set_status("v2", "canary", actor="gate", reason="canary 5%", canary_share=0.05)
    assert (canary.status, canary.canary_share, registry.canary().canary_share) == ("canary", 0.05, 0.05)
    promoted = registry.promote("v2", actor="gate", reason="won A/B")
    assert promoted.status == "champion" and promoted.updated_at >= promoted.created_at
    assert registry.get("v1").status == "retired"
    assert registry.set_status("v3", "rejected", actor="gate", reason="lost A/B").status == "rejected"

    assert registry.champion().version == "v2"
    assert [r.version for r in registry.list()] == ["v3", "v2", "v1"]
    assert [(h["version"], h["replaced_version"], h["kind"]) for h in registry.champion_history()] == [
        ("v1", None, "promote"),
        ("v2", "v1", "promote"),
    ]
    _assert_consistent(registry)

    reopened = Registry(registry.url)  # tables exist already: opening again must keep the data
    assert reopened.champion().version == "v2" and len(reopened.list()) == 3
    reopened.close()


def test_rollback_walks_back_the_promotions(registry):
    _register(registry, "v1", "v2", "v3")
    for version in ("v1", "v2", "v3"):
        registry.promote(version, actor="gate", reason=f"promote {version}")

    assert registry.rollback(actor="oncall", reason="v3 regressed").version == "v2"
    assert registry.get("v3").status == "retired"
    # A second rollback undoes the promotion of v2 rather than bouncing back to v3.
    assert registry.rollback(actor="oncall", reason="v2 regressed too").version == "v1"
    assert [r.status for r in registry.list()] == ["retired", "retired", "champion"]

    history = registry.champion_history()
    assert [(h["version"], h["kind"], h["actor"]) for h in history[-2:]] == [
        ("v2", "rollback", "oncall"),
        ("v1", "rollback", "oncall"),
    ]
    _assert_consistent(registry)

    # Promoting again after rollbacks, then rolling back, returns to the champion it replaced.
    registry.promote("v3", actor="gate", reason="fixed")
    assert registry.rollback(actor="oncall", reason="not fixed").version == "v1"
    _assert_consistent(registry)


def test_rollback_past_the_first_adapter_returns_to_the_bare_base_model_and_stops_there(registry):
    with pytest.raises(NoPreviousChampionError, match="no champion has ever been promoted"):
        registry.rollback(actor="oncall", reason="panic")
    _register(registry, "v1", "v2")
    registry.promote("v1", actor="gate", reason="first")

    assert registry.rollback(actor="oncall", reason="v1 regressed") is None
    assert registry.champion() is None and registry.get("v1").status == "retired"
    assert arms_from_registry(registry) == [Arm(None, None, 1.0)]  # serving: the base model alone
    last = registry.champion_history()[-1]
    assert (last["version"], last["replaced_version"], last["kind"]) == (BASE, "v1", "rollback")
    _assert_consistent(registry)
    with pytest.raises(NoPreviousChampionError, match="already the bare base model"):
        registry.rollback(actor="oncall", reason="again")

    # From the base model a promotion goes on as usual, and rolling it back returns to the base model.
    registry.promote("v2", actor="gate", reason="second")
    assert registry.champion_history()[-1]["replaced_version"] == BASE
    _assert_consistent(registry)
    assert registry.rollback(actor="oncall", reason="v2 regressed") is None
    assert registry.champion() is None and registry.get("v2").status == "retired"
    _assert_consistent(registry)
    assert registry.promote("v1", actor="oncall", reason="v1 after all").version == "v1"
    _assert_consistent(registry)


def test_the_base_models_name_cannot_be_registered(registry):
    with pytest.raises(ValueError, match="must not be 'base'"):
        _register(registry, BASE)


def test_rollback_refuses_to_restore_a_rejected_version(registry):
    _register(registry, "v1", "v2")
    registry.promote("v1", actor="gate", reason="first")
    registry.promote("v2", actor="gate", reason="second")
    registry.set_status("v1", "rejected", actor="security", reason="leaks training data")
    before = _state(registry)
    with pytest.raises(IllegalTransitionError, match="'v1': illegal transition rejected -> champion"):
        registry.rollback(actor="oncall", reason="v2 regressed")
    assert _state(registry) == before


@pytest.mark.parametrize("failing_step", ["_move_pointer", "_audit"])
def test_failure_inside_promote_changes_nothing(registry, monkeypatch, failing_step):
    _register(registry, "v1", "v2")
    registry.promote("v1", actor="gate", reason="first")
    before = _state(registry)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Registry, failing_step, staticmethod(boom))
    with pytest.raises(RuntimeError, match="disk full"):
        registry.promote("v2", actor="gate", reason="second")
    monkeypatch.undo()
    assert _state(registry) == before
    assert registry.champion().version == "v1" and registry.get("v2").status == "candidate"


def test_failure_inside_rollback_changes_nothing(registry, monkeypatch):
    _register(registry, "v1", "v2")
    registry.promote("v1", actor="gate", reason="first")
    registry.promote("v2", actor="gate", reason="second")
    before = _state(registry)

    def boom(*args, **kwargs):
        raise RuntimeError("connection lost")

    monkeypatch.setattr(Registry, "_move_pointer", staticmethod(boom))
    with pytest.raises(RuntimeError, match="connection lost"):
        registry.rollback(actor="oncall", reason="regressed")
    monkeypatch.undo()
    assert _state(registry) == before


# --- concurrency (both backends) --------------------------------------------------------------------
def test_stale_promote_loses_and_changes_nothing(registry, monkeypatch):
    """A promote that read the champion before another promote committed must fail, not make two champions."""
    _register(registry, "v1", "v2", "v3")
    registry.promote("v1", actor="gate", reason="first")
    with registry.engine.connect() as conn:
        stale_pointer = Registry._current_pointer(conn)
    other = Registry(registry.url)
    try:
        other.promote("v2", actor="gate-a", reason="won")
        before = _state(registry)
        monkeypatch.setattr(registry, "_current_pointer", lambda conn: stale_pointer)
        with pytest.raises(ConcurrentChangeError, match="retry"):
            registry.promote("v3", actor="gate-b", reason="also won")
    finally:
        other.close()
    monkeypatch.undo()
    assert _state(registry) == before
    _assert_consistent(registry)


def test_racing_promotes_leave_one_champion(registry):
    versions = [f"v{i}" for i in range(4)]
    _register(registry, *versions)
    registries = [Registry(registry.url) for _ in versions]
    barrier = threading.Barrier(len(versions))
    outcomes: dict[str, str] = {}

    def promote(reg: Registry, version: str) -> None:
        barrier.wait()
        try:
            outcomes[version] = reg.promote(version, actor="gate", reason="race").status
        except ConcurrentChangeError:
            outcomes[version] = "lost"

    threads = [threading.Thread(target=promote, args=pair) for pair in zip(registries, versions, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for reg in registries:
        reg.close()

    assert sorted(outcomes) == versions and set(outcomes.values()) <= {"champion", "lost"}
    winners = {v for v, outcome in outcomes.items() if outcome == "champion"}
    assert winners
    _assert_consistent(registry)
    history = registry.champion_history()
    assert {h["version"] for h in history} == winners and len(history) == len(winners)
    assert registry.champion().version in winners
    for version in set(versions) - winners:
        assert registry.get(version).status == "candidate"


def test_database_refuses_a_second_champion_and_a_forked_pointer(registry):
    """The constraints hold even against hand-written SQL, which is what makes racing promotes safe."""
    _register(registry, "v1", "v2")
    moved_at = registry.promote("v1", actor="gate", reason="first").updated_at
    with pytest.raises(sa.exc.IntegrityError), registry.engine.begin() as conn:
        conn.execute(adapters_table.update().where(adapters_table.c.version == "v2").values(status="champion"))
    with pytest.raises(sa.exc.IntegrityError), registry.engine.begin() as conn:
        conn.execute(
            pointer_table.insert().values(
                previous_id=0,
                version="v2",
                kind="promote",
                moved_at=moved_at,
                actor="x",
                reason="fork",
            )
        )
    assert registry.champion().version == "v1"


@pytest.mark.parametrize("status", ["shadow", "canary"])
def test_database_refuses_a_second_shadow_or_canary(registry, status):
    _register(registry, "v1", "v2")
    registry.set_status("v1", status, actor="gate", reason="first", canary_share=0.2 if status == "canary" else None)
    with pytest.raises(sa.exc.IntegrityError), registry.engine.begin() as conn:
        conn.execute(adapters_table.update().where(adapters_table.c.version == "v2").values(status=status))
    before = _state(registry)
    # Through the registry, the loser of a race (one that read no holder before another took the status) is told.
    share = 0.2 if status == "canary" else None
    with pytest.raises(ConcurrentChangeError, match="another writer committed first; nothing changed, retry"):
        registry.set_status("v2", status, actor="gate", reason="second", canary_share=share)
    assert _state(registry) == before


@pytest.mark.parametrize("status", ["shadow", "canary"])
def test_racing_take_overs_leave_one_holder_and_reject_the_others(registry, status):
    """Rollouts of four challengers at once: each supersedes the holder it finds, or loses and retries."""
    versions = [f"v{i}" for i in range(4)]
    _register(registry, *versions)

    def take_over(reg: Registry, index: int) -> None:
        version = versions[index]
        for _attempt in versions:
            try:
                reg.take_over(
                    version,
                    status,
                    actor="gate",
                    reason="race",
                    canary_share=0.2 if status == "canary" else None,
                    expected_status="candidate",
                )
                return
            except ConcurrentChangeError:
                if reg.get(version).status != "candidate":  # superseded before its own move committed
                    return
        raise AssertionError(f"{version} lost every race")

    assert _at_once(registry, len(versions), take_over) == []

    statuses = {record.version: record.status for record in registry.list()}
    assert sorted(statuses.values()) == sorted([status] + ["rejected"] * 3), statuses
    holder = next(version for version, held in statuses.items() if held == status)
    assert getattr(registry, status)().version == holder
    # Each version's audit log tells its moves in order: registered, then (for all but those superseded while
    # still candidates) into the status, then (for all but the holder) rejected as superseded.
    for version in versions:
        log = registry.audit_log(version)
        for before, after in itertools.pairwise(log):
            assert after["from_status"] == before["to_status"], log
        assert log[-1]["to_status"] == statuses[version]
        if version != holder:
            assert log[-1]["reason"].startswith(f"{status} superseded by "), log


def _at_once(registry: Registry, count: int, action) -> list[BaseException]:
    """``action(registry_of_its_own, index)`` in ``count`` threads released together; the errors they raised."""
    registries = [Registry(registry.url) for _ in range(count)]
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(reg: Registry, index: int) -> None:
        barrier.wait()
        try:
            action(reg, index)
        except BaseException as error:  # handed to the main thread, which fails the test with it
            errors.append(error)

    threads = [threading.Thread(target=run, args=(reg, index)) for index, reg in enumerate(registries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for reg in registries:
        reg.close()
    return errors


def test_registrations_of_one_version_at_once_register_it_once(registry):
    """Two retrainings with the same inputs train the same version: registering it at once is still idempotent."""

    def register(reg: Registry, _index: int) -> None:
        reg.register("v1", path="/adapters/v1", metrics={"loss": 1.0}, lineage={"run": 1}, actor="trainer")

    assert _at_once(registry, 4, register) == []
    assert [r.version for r in registry.list()] == ["v1"] and len(registry.audit_log()) == 1


def test_metrics_added_at_once_are_all_kept(registry):
    _register(registry, "v1")

    def add(reg: Registry, index: int) -> None:
        reg.add_metrics("v1", {f"writer_{index}": index}, actor="evaluator")

    assert _at_once(registry, 6, add) == []
    assert registry.get("v1").metrics == {"win_rate": 0.5, **{f"writer_{index}": index for index in range(6)}}


def test_a_move_decided_on_a_status_that_changed_since_changes_nothing(registry):
    _register(registry, "v1")
    registry.set_status("v1", "shadow", actor="gate", reason="shadow")
    registry.set_status("v1", "canary", actor="shadow-a", reason="passed", canary_share=0.2)
    before = _state(registry)
    with pytest.raises(ConcurrentChangeError, match="'v1' is canary, no longer shadow"):
        registry.set_status("v1", "rejected", actor="shadow-b", reason="failed", expected_status="shadow")
    with pytest.raises(ConcurrentChangeError, match="'v1' is canary, no longer shadow"):
        registry.take_over(
            "v1", "canary", actor="shadow-b", reason="passed", canary_share=0.2, expected_status="shadow"
        )
    assert _state(registry) == before


def test_audit_log_is_append_only_in_the_database(registry):
    _register(registry, "v1")
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), registry.engine.begin() as conn:
        conn.execute(audit_table.update().values(actor="someone else"))
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), registry.engine.begin() as conn:
        conn.execute(audit_table.delete())
    assert [a["actor"] for a in registry.audit_log()] == ["trainer"]


# --- registration, transitions, audit (SQLite) ------------------------------------------------------
def test_register_is_idempotent_and_never_resets_status(sqlite_url):
    reg = Registry(sqlite_url)
    first = reg.register("v1", path="/adapters/v1", metrics={"loss": 1.0}, lineage={"run": 1}, actor="trainer")
    again = reg.register("v1", path="/adapters/v1", metrics={"loss": 1.0}, lineage={"run": 1}, actor="trainer")
    assert again == first and len(reg.list()) == 1 and len(reg.audit_log()) == 1

    updated = reg.register("v1", path="/adapters/v1", metrics={"loss": 0.8}, lineage={"run": 1}, actor="eval")
    assert updated.metrics == {"loss": 0.8} and updated.status == "candidate"
    assert updated.created_at == first.created_at
    assert reg.audit_log("v1")[-1]["reason"] == "re-registered: metrics updated"

    reg.set_status("v1", "canary", actor="gate", reason="canary", canary_share=0.2)
    unchanged = reg.register("v1", path="/adapters/v1", metrics={"loss": 0.1}, lineage={"run": 2}, actor="trainer")
    assert unchanged.status == "canary" and unchanged.metrics == {"loss": 0.8} and unchanged.lineage == {"run": 1}

    with pytest.raises(ValueError, match="'v1': field 'path' differs"):
        reg.register("v1", path="/elsewhere", metrics={}, lineage={}, actor="trainer")
    reg.close()


def test_json_columns_are_stored_as_text(sqlite_url):
    reg = Registry(sqlite_url)
    _register(reg, "v1")
    with reg.engine.connect() as conn:
        row = conn.execute(sa.select(adapters_table.c.metrics, adapters_table.c.lineage)).one()
    assert json.loads(row.metrics) == {"win_rate": 0.5} and json.loads(row.lineage) == {"run": "v1"}
    reg.close()


def test_transitions_table_covers_every_status():
    assert set(TRANSITIONS) == set(STATUSES)
    assert all(targets <= set(STATUSES) for targets in TRANSITIONS.values())
    assert TRANSITIONS["rejected"] == frozenset()


def test_illegal_transitions_raise_clear_errors(sqlite_url):
    reg = Registry(sqlite_url)
    _register(reg, "v1", "v2", "v3")
    reg.set_status("v1", "rejected", actor="gate", reason="lost")
    before = _state(reg)
    with pytest.raises(
        IllegalTransitionError, match=r"'v1': illegal transition rejected -> champion \(allowed: none\)"
    ):
        reg.promote("v1", actor="gate", reason="try anyway")
    with pytest.raises(IllegalTransitionError, match="rejected -> canary"):
        reg.set_status("v1", "canary", actor="gate", reason="again", canary_share=0.2)
    with pytest.raises(IllegalTransitionError, match="candidate -> retired"):
        reg.set_status("v2", "retired", actor="gate", reason="tidy")
    with pytest.raises(IllegalTransitionError, match="use promote"):
        reg.set_status("v2", "champion", actor="gate", reason="shortcut")
    assert _state(reg) == before

    reg.promote("v2", actor="gate", reason="won")
    with pytest.raises(IllegalTransitionError, match="champion -> retired moves the champion"):
        reg.set_status("v2", "retired", actor="gate", reason="shortcut")
    with pytest.raises(ValueError, match="field 'status' must be one of"):
        reg.set_status("v3", "golden", actor="gate", reason="typo")
    assert reg.promote("v2", actor="gate", reason="re-run").status == "champion"  # idempotent, no new rows
    assert len(reg.champion_history()) == 1
    reg.close()


def test_unknown_versions_and_bad_input_name_the_record_and_field(sqlite_url):
    reg = Registry(sqlite_url)
    with pytest.raises(UnknownVersionError, match="adapter 'ghost' is not registered"):
        reg.get("ghost")
    with pytest.raises(KeyError):
        reg.promote("ghost", actor="gate", reason="why")
    with pytest.raises(ValueError, match="adapter 'v1': field 'metrics' must be a dict"):
        reg.register("v1", path="/a", metrics=[0.5], lineage={}, actor="trainer")
    with pytest.raises(ValueError, match="adapter 'v1': field 'lineage' is not JSON-serialisable"):
        reg.register("v1", path="/a", metrics={}, lineage={"when": object()}, actor="trainer")
    with pytest.raises(ValueError, match=r"adapter 'v1': field 'actor' must name who acted \(non-empty text\)"):
        reg.register("v1", path="/a", metrics={}, lineage={}, actor=" ")
    _register(reg, "v1")
    with pytest.raises(ValueError, match="adapter 'v1': field 'reason'"):
        reg.promote("v1", actor="gate", reason="")
    assert reg.list()[0].status == "candidate"
    reg.close()


def test_audit_log_records_every_change_in_order(sqlite_url):
    reg = Registry(sqlite_url)
    _register(reg, "v1", "v2", "v3")
    reg.promote("v1", actor="gate", reason="p1")
    reg.set_status("v2", "canary", actor="gate", reason="c2", canary_share=0.2)
    reg.promote("v2", actor="gate", reason="p2")
    reg.set_status("v3", "rejected", actor="gate", reason="r3")
    reg.rollback(actor="oncall", reason="rb")

    rows = [(a["version"], a["from_status"], a["to_status"], a["actor"], a["reason"]) for a in reg.audit_log()]
    assert rows == [
        ("v1", None, "candidate", "trainer", "registered"),
        ("v2", None, "candidate", "trainer", "registered"),
        ("v3", None, "candidate", "trainer", "registered"),
        ("v1", "candidate", "champion", "gate", "p1"),
        ("v2", "candidate", "canary", "gate", "c2"),
        ("v1", "champion", "retired", "gate", "p2"),
        ("v2", "canary", "champion", "gate", "p2"),
        ("v3", "candidate", "rejected", "gate", "r3"),
        ("v2", "champion", "retired", "oncall", "rb"),
        ("v1", "retired", "champion", "oncall", "rb"),
    ]
    timestamps = [a["ts"] for a in reg.audit_log()]
    assert timestamps == sorted(timestamps) and all(ts.tzinfo is not None for ts in timestamps)
    # Replaying the log gives every version's current status.
    replayed = {}
    for version, _from, to, _actor, _reason in rows:
        replayed[version] = to
    assert replayed == {r.version: r.status for r in reg.list()}
    assert [a["to_status"] for a in reg.audit_log("v3")] == ["candidate", "rejected"]
    reg.close()


def _old_schema_registry(url: str) -> None:
    """A registry as written before the canary_share and objective columns: v1 champion, v2 canary whose share the
    metrics JSON kept, v3 rejected after serving as a canary, v4 a candidate."""
    old = sa.MetaData()
    sa.Table(
        "adapters",
        old,
        *[column.copy() for column in adapters_table.columns if column.name not in ("canary_share", "objective")],
    )
    engine = sa.create_engine(url)
    old.create_all(engine)
    metadata.create_all(engine, tables=[audit_table, pointer_table, approvals_table])
    now = "2026-11-01 00:00:00"
    rows = [
        ("v1", "champion", {"loss": 0.5}),
        ("v2", "canary", {"canary": {"share": 0.25}, "loss": 0.4}),
        ("v3", "rejected", {"canary": {"share": 0.1}}),
        ("v4", "candidate", {}),
    ]
    with engine.begin() as conn:
        for version, status, metrics in rows:
            conn.execute(
                sa.text(
                    "INSERT INTO adapters (version, status, path, metrics, lineage, created_at, updated_at) "
                    "VALUES (:v, :s, :p, :m, '{}', :t, :t)"
                ),
                {"v": version, "s": status, "p": f"/adapters/{version}", "m": json.dumps(metrics), "t": now},
            )
    engine.dispose()


def test_an_old_registry_gets_the_canary_share_column_from_its_metrics(url):
    _old_schema_registry(url)
    # Several processes may open the old registry at once: one migrates, the others find it done.
    errors = []

    def open_registry():
        try:
            Registry(url).close()
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_registry) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    reg = Registry(url)
    canary = reg.canary()
    assert (canary.version, canary.canary_share, canary.metrics) == ("v2", 0.25, {"loss": 0.4})
    assert reg.get("v3").canary_share == 0.1 and reg.get("v3").metrics == {}
    assert reg.get("v1").canary_share is None and reg.get("v1").metrics == {"loss": 0.5}
    # Every adapter of a registry from before the objective column was trained with SFT.
    assert [record.objective for record in reg.list()] == ["sft"] * 4
    # The migrated column is checked like a new one.
    with pytest.raises(sa.exc.IntegrityError), reg.engine.begin() as conn:
        conn.execute(adapters_table.update().where(adapters_table.c.version == "v4").values(canary_share=1.5))
    reg.close()


def test_the_registry_records_each_adapters_objective(url):
    reg = Registry(url)
    reg.register("sft1", path="/adapters/sft1", metrics={}, lineage={}, actor="trainer")
    reg.register("dpo1", path="/adapters/dpo1", metrics={}, lineage={}, actor="trainer", objective="dpo")
    assert {record.version: record.objective for record in reg.list()} == {"sft1": "sft", "dpo1": "dpo"}
    # Registering again (a re-run) keeps the record, objective included.
    reg.register("dpo1", path="/adapters/dpo1", metrics={"loss": 1.0}, lineage={}, actor="trainer", objective="dpo")
    assert reg.get("dpo1").objective == "dpo"
    with pytest.raises(ValueError, match="adapter 'x': field 'objective' must be a non-empty string"):
        reg.register("x", path="/adapters/x", metrics={}, lineage={}, actor="trainer", objective=" ")
    reg.close()


def test_a_canary_needs_its_share_and_nothing_else_takes_one(sqlite_url):
    reg = Registry(sqlite_url)
    _register(reg, "v1", "v2")
    for share in (None, 0.0, 1.0, True, "0.2"):
        with pytest.raises(ValueError, match="field 'canary_share' must be a number within"):
            reg.set_status("v1", "canary", actor="gate", reason="canary", canary_share=share)
    assert reg.get("v1").status == "candidate"
    with pytest.raises(ValueError, match="applies only to a move to canary"):
        reg.set_status("v2", "rejected", actor="gate", reason="no", canary_share=0.2)
    record = reg.set_status("v1", "canary", actor="gate", reason="canary", canary_share=0.3)
    assert record.canary_share == 0.3 and "canary" not in record.metrics
    # The share stays as the record of how the version was served.
    assert reg.promote("v1", actor="ab", reason="won").canary_share == 0.3


def test_an_old_registry_admits_the_shadow_status(sqlite_url):
    """A registry written before the shadow status: its status check is widened, its rows and rules kept."""
    old_statuses = "status IN ('candidate', 'canary', 'champion', 'retired', 'rejected')"
    old = sa.MetaData()
    sa.Table(
        "adapters",
        old,
        *[column.copy() for column in adapters_table.columns],
        sa.CheckConstraint(old_statuses, name="ck_adapters_status"),
        sa.Index("uq_adapters_one_champion", "status", unique=True, sqlite_where=sa.text("status = 'champion'")),
    )
    engine = sa.create_engine(sqlite_url)
    old.create_all(engine)
    metadata.create_all(engine, tables=[audit_table, pointer_table, approvals_table])
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO adapters (version, status, path, metrics, lineage, created_at, updated_at) "
                "VALUES ('v1', 'candidate', '/adapters/v1', '{\"loss\": 1}', '{}', :t, :t)"
            ),
            {"t": "2026-11-01 00:00:00"},
        )
    engine.dispose()
    reg = Registry(sqlite_url)
    record = reg.set_status("v1", "shadow", actor="gate", reason="shadow")
    assert (record.status, record.metrics) == ("shadow", {"loss": 1})
    reg.register("v2", path="/adapters/v2", metrics={}, lineage={}, actor="test")
    assert [r.version for r in reg.list()] == ["v2", "v1"]
    with pytest.raises(sa.exc.IntegrityError), reg.engine.begin() as conn:
        conn.execute(adapters_table.update().where(adapters_table.c.version == "v2").values(status="bogus"))
    reg.promote("v2", actor="gate", reason="p")
    with pytest.raises(sa.exc.IntegrityError), reg.engine.begin() as conn:  # still one champion at most
        conn.execute(adapters_table.update().where(adapters_table.c.version == "v1").values(status="champion"))
    reg.close()
    Registry(sqlite_url).close()  # opening it again finds nothing to migrate


@pytest.mark.parametrize("status", ["shadow", "canary"])
def test_an_old_registry_gets_one_holder_per_status_the_latest(url, status):
    """A registry written before the shadow and canary indexes, where a race left two versions in one status:
    opening it keeps the latest registered there (the one readers saw), rejects the other, audited, and adds
    the index."""
    old = sa.MetaData()
    sa.Table(
        "adapters",
        old,
        *[column.copy() for column in adapters_table.columns],
        *[constraint.copy() for constraint in adapters_table.constraints if isinstance(constraint, sa.CheckConstraint)],
        sa.Index(
            "uq_adapters_one_champion",
            "status",
            unique=True,
            sqlite_where=sa.text("status = 'champion'"),
            postgresql_where=sa.text("status = 'champion'"),
        ),
    )
    engine = sa.create_engine(url)
    old.create_all(engine)
    metadata.create_all(engine, tables=[audit_table, pointer_table, approvals_table])
    with engine.begin() as conn:
        for version in ("v1", "v2", "v3"):
            conn.execute(
                sa.text(
                    "INSERT INTO adapters (version, status, path, canary_share, metrics, lineage, created_at,"
                    " updated_at) VALUES (:v, :s, '/adapters', :share, '{}', '{}', :t, :t)"
                ),
                {
                    "v": version,
                    "s": "candidate" if version == "v3" else status,
                    "share": 0.2 if status == "canary" and version != "v3" else None,
                    "t": "2026-11-01 00:00:00",
                },
            )
    engine.dispose()
    reg = Registry(url)
    try:
        assert [(r.version, r.status) for r in reg.list()] == [("v3", "candidate"), ("v2", status), ("v1", "rejected")]
        [entry] = reg.audit_log("v1")
        assert (entry["from_status"], entry["to_status"], entry["actor"]) == (status, "rejected", "registry migration")
        assert entry["reason"] == f"{status} superseded by v2: one {status} at a time"
        with pytest.raises(sa.exc.IntegrityError), reg.engine.begin() as conn:
            conn.execute(adapters_table.update().where(adapters_table.c.version == "v3").values(status=status))
    finally:
        reg.close()
    reopened = Registry(url)  # opening it again finds nothing to migrate
    assert len(reopened.audit_log()) == 1
    reopened.close()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda folder: shutil.rmtree(folder), "has no adapter_config.json"),
        (lambda folder: (folder / "adapter_model.safetensors").unlink(), "its weights are missing"),
        (lambda folder: (folder / "adapter_model.safetensors").write_bytes(b"\0" * 64), "cannot be read"),
        (lambda folder: (folder / "adapter_config.json").write_text("{cut"), "is not valid JSON"),
    ],
    ids=["folder gone", "no weights", "weights cut", "config cut"],
)
def test_promote_and_rollback_refuse_an_adapter_whose_folder_is_missing_or_damaged(url, tmp_path, damage, message):
    # Both succeeded: the failure showed only when every server failed to load the champion.
    store = adapter_registry(url)
    for version in ("v1", "v2", "v3"):
        store.register(version, path=adapter_folder(tmp_path / version), metrics={}, lineage={}, actor="t")
    store.promote("v1", actor="t", reason="first")
    store.promote("v2", actor="t", reason="better")
    damage(tmp_path / "v1")
    damage(tmp_path / "v3")
    audit_before = store.audit_log()

    with pytest.raises(UnusableArtifactError, match=f"promote 'v3': its adapter folder {tmp_path / 'v3'} .*{message}"):
        store.promote("v3", actor="t", reason="gated")
    with pytest.raises(UnusableArtifactError, match=f"roll back to 'v1': its adapter folder {tmp_path / 'v1'} "):
        store.rollback(actor="t", reason="v2 misbehaves")

    assert store.champion().version == "v2" and store.get("v3").status == "candidate"
    assert store.audit_log() == audit_before
    Registry(url).rollback(actor="t", reason="the prompt registry's paths are no adapters: nothing checked")


def test_an_adapter_registry_fetches_the_folder_before_checking_it(sqlite_url, tmp_path):
    # With a data root in object storage the recorded path names the working copy, which may not hold it yet.
    fetched = []

    def fetch(path):
        fetched.append(path)
        adapter_folder(path)

    store = adapter_registry(sqlite_url, fetch)
    store.register("v1", path=str(tmp_path / "v1"), metrics={}, lineage={}, actor="t")
    assert store.promote("v1", actor="t", reason="passed").status == "champion"
    assert fetched == [tmp_path / "v1"]


@pytest.mark.parametrize("move", ["set_status", "take_over"])
@pytest.mark.parametrize("status", ["canary", "shadow"])
def test_a_move_into_canary_or_shadow_refuses_an_adapter_whose_folder_is_missing_or_damaged(
    url, tmp_path, move, status
):
    # Only promote and rollback checked: a missing adapter served the canary share of users (or shadowed them).
    store = adapter_registry(url)
    store.register("holder", path=adapter_folder(tmp_path / "holder"), metrics={}, lineage={}, actor="t")
    store.register("gone", path=str(tmp_path / "nonexistent"), metrics={}, lineage={}, actor="t")
    store.register("cut", path=adapter_folder(tmp_path / "cut"), metrics={}, lineage={}, actor="t")
    (tmp_path / "cut" / "adapter_model.safetensors").write_bytes(b"\0" * 64)
    share = 0.2 if status == "canary" else None
    store.set_status("holder", status, actor="t", reason="rolled out", canary_share=share)
    before = _state(store)

    for version, folder, message in (
        ("gone", "nonexistent", "has no adapter_config.json"),
        ("cut", "cut", "cannot be read"),
    ):
        with pytest.raises(
            UnusableArtifactError,
            match=f"move '{version}' to {status}: its adapter folder {tmp_path / folder} .*{message}.*nothing changed",
        ):
            getattr(store, move)(version, status, actor="t", reason="passed the gate", canary_share=share)

    assert _state(store) == before  # the holder keeps serving, superseded by nobody
    assert getattr(store, status)().version == "holder"
    store.set_status("gone", "rejected", actor="t", reason="no adapter: a move that serves nothing is not checked")
