"""The adapter registry: which LoRA adapter versions exist, their status, and who moved them and why.

One small transactional store on SQLAlchemy Core, the same code on SQLite (the default,
``sqlite:///path/registry.db``) and PostgreSQL (``postgresql+psycopg2://user@host/db``). Three tables:

``adapters``          one row per version: status, artifact path, the training objective (sft, kto, dpo,
                      sft+dpo), the share of users it serves as a canary, metrics and lineage (JSON stored as text)
``audit_log``         append-only: one row per status change (a database trigger rejects UPDATE and DELETE)
``champion_pointer``  append-only history of champion moves; the latest row names the current champion, or
                      :data:`BASE` when a rollback went back past the first promotion to the bare base model
``approvals``         append-only: a person's approval to promote a version, for the human-approval policy

A version's life follows :data:`TRANSITIONS`: a ``candidate`` that passed the offline gate answers live prompts
unseen as the ``shadow`` challenger, then serves a share of users as the ``canary``, then becomes ``champion``.
Moves into or out of ``champion`` happen only through
:meth:`Registry.promote` and :meth:`Registry.rollback`, each ONE transaction that updates the statuses,
appends the audit rows and appends the pointer row, so the pointer and the statuses never disagree.

``canary_share`` is a column of its own, set when a version becomes the canary (:meth:`Registry.set_status`
requires it then, and a constraint keeps it within (0, 1)); it stays on the row afterwards as the record of how
the canary was served. Registries written before the column existed get it when they are opened: it is added
and filled from the share that earlier versions kept in the metrics JSON (``metrics["canary"]["share"]``), and
that entry is taken out of the metrics, so the share lives in one place. The ``objective`` column is added the
same way, as 'sft' for the versions already there: before it existed, every adapter was trained with SFT.

Concurrency. Two promotes racing must not leave two champions, two rollouts racing must not leave two shadow
challengers or two canaries, and the pointer history must stay one chain. Unique constraints make that a
property of the database rather than of the code:

* partial unique indexes on ``adapters.status`` WHERE ``status = 'champion'`` (and the same for ``'canary'`` and
  ``'shadow'``, :data:`HELD_BY_ONE`) admit at most one row in each of these statuses;
* ``champion_pointer.previous_id`` is unique: every move names the pointer row it replaces, so of two moves
  that read the same current pointer only the first to commit can insert its row.

The loser of a race fails on one of them (or finds that a version it read has moved on), its transaction rolls
back whole, and it gets :class:`ConcurrentChangeError`; retrying re-reads the new state. A move into ``shadow``
or ``canary`` rejects the version holding that status in the same transaction (:meth:`Registry.take_over`). On
SQLite every write transaction starts with ``BEGIN IMMEDIATE`` so writers queue on the database lock (up to
the driver's busy timeout) instead of failing when a read lock would have to be upgraded. Registries written
before the canary and shadow indexes get them when they are opened; where one of these statuses was held by
more than one version (a race the index now prevents), the latest registered keeps it, as :meth:`Registry.canary`
and :meth:`Registry.shadow` read it, and the others are rejected, audited as superseded.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from feedback_loop.person_names import person_name

STATUSES = ("candidate", "shadow", "canary", "champion", "retired", "rejected")

BASE = "base"
"""The champion pointer's name for the bare base model (no adapter): where a rollback past the first promotion
lands. It is reserved: no version can be registered under it."""

# Every legal status change. Edges into or out of "champion" are made only by promote() and rollback(),
# because they must move the champion pointer in the same transaction.
TRANSITIONS: dict[str, frozenset[str]] = {
    "candidate": frozenset({"shadow", "canary", "champion", "rejected"}),
    # A shadow challenger's answers are recorded but never shown; its shadow evaluation moves it on (to the canary,
    # or straight to champion with an immediate rollout) or rejects it.
    "shadow": frozenset({"canary", "champion", "rejected"}),
    "canary": frozenset({"champion", "rejected"}),
    "champion": frozenset({"retired"}),
    "retired": frozenset({"champion", "rejected"}),  # champion again by rollback or re-promotion
    "rejected": frozenset(),
}

# The statuses that one version at most holds at a time (a partial unique index each).
HELD_BY_ONE = ("champion", "canary", "shadow")
# The statuses in which a version's adapter answers live prompts (shown to users, or recorded unseen in shadow): a
# registry that checks artifacts refuses a move into one of them to a version whose artifact cannot be served.
SERVES_TRAFFIC = frozenset({"shadow", "canary", "champion"})
# Who the audit log names for the changes a migration makes.
MIGRATION_ACTOR = "registry migration"

metadata = sa.MetaData()

_STATUS_CHECK_NAME = "ck_adapters_status"
_STATUS_CHECK = "status IN (" + ", ".join(f"'{status}'" for status in STATUSES) + ")"
# The training objective of versions registered without one, and of every version a registry held before the
# column existed (all trained with SFT then).
DEFAULT_OBJECTIVE = "sft"

# A canary serves some users but not all of them.
_SHARE_CHECK = "canary_share IS NULL OR (canary_share > 0 AND canary_share < 1)"
# Where registries written before the canary_share column kept the share.
_LEGACY_SHARE_KEY = "canary"

adapters_table = sa.Table(
    "adapters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),  # registration order for list()
    sa.Column("version", sa.String(200), nullable=False, unique=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("canary_share", sa.Float, nullable=True),
    sa.Column("objective", sa.String(20), nullable=False, server_default=DEFAULT_OBJECTIVE),
    sa.Column("metrics", sa.Text, nullable=False),
    sa.Column("lineage", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint(_STATUS_CHECK, name=_STATUS_CHECK_NAME),
    sa.CheckConstraint(_SHARE_CHECK, name="ck_adapters_canary_share"),
    *[
        sa.Index(
            f"uq_adapters_one_{status}",
            "status",
            unique=True,
            sqlite_where=sa.text(f"status = '{status}'"),
            postgresql_where=sa.text(f"status = '{status}'"),
        )
        for status in HELD_BY_ONE
    ],
)

audit_table = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
    sa.Column("version", sa.String(200), nullable=False, index=True),
    sa.Column("from_status", sa.String(20), nullable=True),  # None when the version is first registered
    sa.Column("to_status", sa.String(20), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

pointer_table = sa.Table(
    "champion_pointer",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # The pointer row this move replaces (0 for the first move); unique, so the history is one chain.
    sa.Column("previous_id", sa.Integer, nullable=False, unique=True),
    sa.Column("version", sa.String(200), nullable=False),
    sa.Column("replaced_version", sa.String(200), nullable=True),
    # The pointer row whose state a rollback from this row restores: an undo stack, so rolling back twice
    # goes two promotions back instead of bouncing between the last two champions.
    sa.Column("restore_id", sa.Integer, nullable=True),
    sa.Column("kind", sa.String(20), nullable=False),  # promote | rollback
    sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

approvals_table = sa.Table(
    "approvals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("version", sa.String(200), nullable=False, index=True),
    sa.Column("approver", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
)

# Statuses a person may approve for promotion: a challenger not yet decided.
APPROVABLE = frozenset({"candidate", "shadow", "canary"})

# The audit log is append-only; the database enforces it so no code path (or hand-written SQL) can rewrite it.
sa.event.listen(
    audit_table,
    "after_create",
    sa.DDL(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    ).execute_if(dialect="sqlite"),
)
sa.event.listen(
    audit_table,
    "after_create",
    sa.DDL(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    ).execute_if(dialect="sqlite"),
)
sa.event.listen(
    audit_table,
    "after_create",
    sa.DDL(
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql; "
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
    ).execute_if(dialect="postgresql"),
)


class RegistryError(Exception):
    """Base class of the registry's errors."""


class UnknownVersionError(RegistryError, KeyError):
    """The version is not registered."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class IllegalTransitionError(RegistryError, ValueError):
    """The requested status change is not in :data:`TRANSITIONS` (or must go through promote/rollback)."""


class NoPreviousChampionError(RegistryError):
    """A rollback was requested but the pointer history holds no earlier champion to restore."""


class ConcurrentChangeError(RegistryError):
    """Another promote or rollback committed first; nothing was changed, re-read and retry."""


class UnusableArtifactError(RegistryError):
    """A version whose artifact (an adapter's folder) is missing or damaged cannot serve traffic (become the shadow
    challenger, the canary or the champion): every server would fail to load it."""


class AnyChampion:
    """The type of :data:`ANY_CHAMPION`: a promotion that replaces whichever champion there is."""


ANY_CHAMPION = AnyChampion()


@dataclass(frozen=True)
class AdapterRecord:
    """One registered adapter version as stored."""

    version: str
    status: str
    path: str
    metrics: dict
    lineage: dict
    created_at: datetime
    updated_at: datetime
    canary_share: float | None = None
    """The share of users the version serves (or served) as the canary; None if it never was one."""
    objective: str = DEFAULT_OBJECTIVE
    """What the adapter was trained to learn: 'sft', 'kto', 'dpo' or 'sft+dpo' (``LoraSpec.objective``)."""


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes (stored as UTC); PostgreSQL returns them in the session zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _require_text(value: Any, field: str, context: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{context}: field {field!r} must be a non-empty string, got {value!r}")
    return value


def _require_name(value: Any, field: str, context: str) -> str:
    try:
        return person_name(value)
    except ValueError as exc:
        raise ValueError(f"{context}: field {field!r} {exc}") from exc


def _to_json(value: Any, field: str, version: str) -> str:
    if not isinstance(value, dict):
        raise ValueError(f"adapter {version!r}: field {field!r} must be a dict, got {type(value).__name__}")
    try:
        return json.dumps(value, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"adapter {version!r}: field {field!r} is not JSON-serialisable: {exc}") from exc


def _record(row: sa.Row) -> AdapterRecord:
    return AdapterRecord(
        version=row.version,
        status=row.status,
        path=row.path,
        metrics=json.loads(row.metrics),
        lineage=json.loads(row.lineage),
        created_at=_utc(row.created_at),
        updated_at=_utc(row.updated_at),
        canary_share=row.canary_share,
        objective=row.objective,
    )


def check_canary_share(version: str, share: Any) -> float:
    """``share`` as a canary's share of users, a number within (0, 1); a ValueError naming ``version`` otherwise."""
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share < 1:
        raise ValueError(f"adapter {version!r}: field 'canary_share' must be a number within (0, 1), got {share!r}")
    return float(share)


_WRITE_OPTION = "feedback_loop_registry_write"


def _status_check_is_stale(bind: Engine | Connection) -> bool:
    """Whether the adapters table's status check lacks one of :data:`STATUSES` (written by an earlier version)."""
    checks = sa.inspect(bind).get_check_constraints("adapters")
    texts = [check["sqltext"] for check in checks if check.get("name") == _STATUS_CHECK_NAME]
    return any(f"'{status}'" not in text for text in texts for status in STATUSES)


def _index_names(bind: Engine | Connection) -> set[str]:
    """The names of the adapters table's indexes."""
    return {index["name"] for index in sa.inspect(bind).get_indexes("adapters") if index["name"]}


def _make_engine(url: str) -> Engine:
    """An engine for ``url``; on SQLite, creates the database's folder and makes transactions IMMEDIATE."""
    engine = sa.create_engine(url)
    if engine.dialect.name != "sqlite":
        return engine
    database = engine.url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)

    # pysqlite's own transaction handling defers BEGIN until the first write; take over so that a write
    # transaction takes the write lock up front (see the module docstring on concurrency) while reads
    # only take a shared lock.
    @sa.event.listens_for(engine, "connect")
    def _disable_pysqlite_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(connection):
        write = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class Registry:
    """The adapter registry at a SQLAlchemy URL; creates its tables if missing.

    ``check_artifact(path)`` raises (``OSError`` or ``ValueError``) when the artifact a version's path names cannot
    be served: every move into a status that serves traffic (:data:`SERVES_TRAFFIC`: :meth:`set_status` and
    :meth:`take_over` into shadow or canary, :meth:`promote`, :meth:`rollback`) then refuses that version
    (:class:`UnusableArtifactError`) and changes nothing. An adapter registry checks the adapter's folder
    (:func:`adapter_registry`); None checks nothing (the system prompt registry, whose paths are prompt files)."""

    def __init__(self, url: str, check_artifact: Callable[[str], object] | None = None):
        self.url = url
        self.check_artifact = check_artifact
        self.engine = _make_engine(url)
        metadata.create_all(self.engine)
        self._migrate()

    def _migrate(self) -> None:
        """Bring a registry written by an earlier version up to this schema (see the module docstring)."""
        self._add_canary_share()
        # Before the status check's migration, which rebuilds the table on SQLite with every column of this schema.
        self._add_objective_column()
        # Before the status check's migration too: its SQLite rebuild creates these indexes with the new table.
        self._index_statuses_held_by_one()
        self._admit_every_status()

    def _add_canary_share(self) -> None:
        if "canary_share" in {column["name"] for column in sa.inspect(self.engine).get_columns("adapters")}:
            return
        with self._write() as conn:
            # Re-read holding the write lock (SQLite's BEGIN IMMEDIATE takes it; PostgreSQL needs the table
            # lock): another process may have migrated meanwhile.
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("LOCK TABLE adapters IN ACCESS EXCLUSIVE MODE")
            if "canary_share" in {column["name"] for column in sa.inspect(conn).get_columns("adapters")}:
                return
            conn.exec_driver_sql(f"ALTER TABLE adapters ADD COLUMN canary_share FLOAT CHECK ({_SHARE_CHECK})")
            rows = conn.execute(sa.select(adapters_table.c.version, adapters_table.c.metrics)).all()
            for version, metrics_json in rows:
                metrics = json.loads(metrics_json)
                legacy = metrics.get(_LEGACY_SHARE_KEY)
                share = legacy.get("share") if isinstance(legacy, dict) else None
                if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share < 1:
                    continue  # nothing (valid) to move: the entry stays where it is, the column stays empty
                del metrics[_LEGACY_SHARE_KEY]
                conn.execute(
                    adapters_table.update()
                    .where(adapters_table.c.version == version)
                    .values(canary_share=float(share), metrics=_to_json(metrics, "metrics", version))
                )

    def _add_objective_column(self) -> None:
        """Add the objective column, 'sft' for the versions already there (all were trained with SFT then)."""
        if "objective" in {column["name"] for column in sa.inspect(self.engine).get_columns("adapters")}:
            return
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("LOCK TABLE adapters IN ACCESS EXCLUSIVE MODE")
            if "objective" not in {column["name"] for column in sa.inspect(conn).get_columns("adapters")}:
                conn.exec_driver_sql(
                    f"ALTER TABLE adapters ADD COLUMN objective VARCHAR(20) NOT NULL DEFAULT '{DEFAULT_OBJECTIVE}'"
                )

    def _index_statuses_held_by_one(self) -> None:
        """Create the unique index of each status in :data:`HELD_BY_ONE` that a registry lacks. A status that more
        than one version holds (a race before the index) is left to the latest registered, the one readers see;
        the others are rejected as superseded by it, audited."""
        missing = [index for index in adapters_table.indexes if index.name not in _index_names(self.engine)]
        if not missing:
            return
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("LOCK TABLE adapters IN ACCESS EXCLUSIVE MODE")
            present = _index_names(conn)  # another process may have migrated meanwhile
            for index in missing:
                if index.name in present:
                    continue
                status = str(index.name).removeprefix("uq_adapters_one_")
                holders = conn.execute(
                    sa.select(adapters_table.c.version)
                    .where(adapters_table.c.status == status)
                    .order_by(adapters_table.c.id.desc())
                ).scalars()
                latest, *superseded = list(holders) or [None]
                now = _now()
                for version in superseded:
                    self._set(conn, version, status, "rejected", now)
                    reason = f"{status} superseded by {latest}: one {status} at a time"
                    self._audit(conn, version, status, "rejected", MIGRATION_ACTOR, reason, now)
                index.create(conn)

    def _admit_every_status(self) -> None:
        """Widen the status check of a registry written before a status existed (``shadow``): PostgreSQL replaces
        the constraint; SQLite cannot alter one, so the table is rebuilt with its rows, in one transaction."""
        if not _status_check_is_stale(self.engine):
            return
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("LOCK TABLE adapters IN ACCESS EXCLUSIVE MODE")
            if not _status_check_is_stale(conn):  # another process migrated meanwhile
                return
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"ALTER TABLE adapters DROP CONSTRAINT {_STATUS_CHECK_NAME}")
                conn.exec_driver_sql(
                    f"ALTER TABLE adapters ADD CONSTRAINT {_STATUS_CHECK_NAME} CHECK ({_STATUS_CHECK})"
                )
                return
            columns = ", ".join(column.name for column in adapters_table.columns)
            conn.exec_driver_sql("ALTER TABLE adapters RENAME TO adapters_before_migration")
            for index in adapters_table.indexes:  # they moved with the renamed table
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
            adapters_table.create(conn)
            conn.exec_driver_sql(
                f"INSERT INTO adapters ({columns}) SELECT {columns} FROM adapters_before_migration ORDER BY id"
            )
            conn.exec_driver_sql("DROP TABLE adapters_before_migration")

    def _write(self) -> AbstractContextManager[Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite): commits on success, rolls back on error."""
        return self.engine.execution_options(**{_WRITE_OPTION: True}).begin()

    def close(self) -> None:
        """Release the connection pool (e.g. before dropping the database)."""
        self.engine.dispose()

    # --- reads ------------------------------------------------------------------------------------
    def get(self, version: str) -> AdapterRecord:
        """The record of ``version``; :class:`UnknownVersionError` if it was never registered."""
        with self.engine.connect() as conn:
            return self._get(conn, version)

    def list(self) -> list[AdapterRecord]:
        """Every registered version, newest registration first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(adapters_table).order_by(adapters_table.c.id.desc()))
            return [_record(row) for row in rows]

    def champion(self) -> AdapterRecord | None:
        """The current champion, or None before the first promotion."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(adapters_table).where(adapters_table.c.status == "champion")).one_or_none()
            return None if row is None else _record(row)

    def canary(self) -> AdapterRecord | None:
        """The version serving a canary share of traffic, or None (at most one is kept in canary)."""
        return self._latest("canary")

    def shadow(self) -> AdapterRecord | None:
        """The version answering live prompts unseen (its answers recorded, never shown), or None (at most one is
        kept in shadow)."""
        return self._latest("shadow")

    def _latest(self, status: str) -> AdapterRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(adapters_table)
                .where(adapters_table.c.status == status)
                .order_by(adapters_table.c.id.desc())
                .limit(1)
            ).one_or_none()
            return None if row is None else _record(row)

    def audit_log(self, version: str | None = None) -> builtins.list[dict]:  # `list` here is the method above
        """Status changes, oldest first (of ``version`` only when given).

        Each is a dict of ts, version, from_status (None on registration), to_status, actor, reason.
        """
        query = sa.select(
            audit_table.c.ts,
            audit_table.c.version,
            audit_table.c.from_status,
            audit_table.c.to_status,
            audit_table.c.actor,
            audit_table.c.reason,
        ).order_by(audit_table.c.id)
        if version is not None:
            query = query.where(audit_table.c.version == version)
        with self.engine.connect() as conn:
            return [{**row._asdict(), "ts": _utc(row.ts)} for row in conn.execute(query)]

    def approval(self, version: str) -> dict | None:
        """The latest approval of ``version`` (approver, note, approved_at), or None if nobody approved it."""
        query = (
            sa.select(approvals_table.c.approver, approvals_table.c.note, approvals_table.c.approved_at)
            .where(approvals_table.c.version == version)
            .order_by(approvals_table.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            self._get(conn, version)
            row = conn.execute(query).one_or_none()
        return None if row is None else {**row._asdict(), "approved_at": _utc(row.approved_at)}

    def champion_history(self) -> builtins.list[dict]:
        """Champion moves, oldest first; the last one names the current champion.

        Each is a dict of moved_at, version, replaced_version, kind (promote|rollback), actor, reason.
        """
        query = sa.select(
            pointer_table.c.moved_at,
            pointer_table.c.version,
            pointer_table.c.replaced_version,
            pointer_table.c.kind,
            pointer_table.c.actor,
            pointer_table.c.reason,
        ).order_by(pointer_table.c.id)
        with self.engine.connect() as conn:
            return [{**row._asdict(), "moved_at": _utc(row.moved_at)} for row in conn.execute(query)]

    # --- writes -----------------------------------------------------------------------------------
    def register(
        self,
        version: str,
        *,
        path: str,
        metrics: dict,
        lineage: dict,
        actor: str,
        objective: str = DEFAULT_OBJECTIVE,
    ) -> AdapterRecord:
        """Register ``version`` as a candidate, trained with ``objective``; idempotent.

        Registering an existing version again never changes its status: while it is still a candidate its
        metrics are replaced (a re-run of evaluation), otherwise the stored record is returned unchanged.
        A different ``path`` for an existing version is an error: a version names one artifact.
        """
        _require_text(version, "version", "register")
        if version == BASE:
            raise ValueError(f"register: field 'version' must not be {BASE!r}, the name of the bare base model")
        _require_text(path, "path", f"adapter {version!r}")
        _require_name(actor, "actor", f"adapter {version!r}")
        _require_text(objective, "objective", f"adapter {version!r}")
        metrics_json = _to_json(metrics, "metrics", version)
        lineage_json = _to_json(lineage, "lineage", version)
        try:
            return self._register(version, str(path), objective, metrics_json, lineage_json, actor)
        except sa.exc.IntegrityError:
            # PostgreSQL: another process registered the version after this one looked, and the unique version
            # refused the second row. Registering is idempotent: again, against the row the other one wrote.
            return self._register(version, str(path), objective, metrics_json, lineage_json, actor)

    def _register(
        self, version: str, path: str, objective: str, metrics_json: str, lineage_json: str, actor: str
    ) -> AdapterRecord:
        now = _now()
        with self._write() as conn:
            existing = self._find(conn, version, for_update=True)
            if existing is None:
                conn.execute(
                    adapters_table.insert().values(
                        version=version,
                        status="candidate",
                        path=path,
                        objective=objective,
                        metrics=metrics_json,
                        lineage=lineage_json,
                        created_at=now,
                        updated_at=now,
                    )
                )
                self._audit(conn, version, None, "candidate", actor, "registered", now)
            else:
                if existing.path != path:
                    raise ValueError(
                        f"adapter {version!r}: field 'path' differs from the registered one "
                        f"({existing.path!r} != {path!r}); register the new artifact under a new version"
                    )
                if existing.status == "candidate" and existing.metrics != metrics_json:
                    conn.execute(
                        adapters_table.update()
                        .where(adapters_table.c.version == version)
                        .values(metrics=metrics_json, updated_at=now)
                    )
                    self._audit(conn, version, "candidate", "candidate", actor, "re-registered: metrics updated", now)
            return self._get(conn, version)

    def add_metrics(self, version: str, metrics: dict, *, actor: str) -> AdapterRecord:
        """Merge ``metrics`` (top-level keys) into the version's metrics, whatever its status; audited.

        The row is locked while its metrics are merged (SQLite's write transactions queue anyway), so two writers
        at once both land their keys: neither merges into a copy the other is about to replace.
        """
        _require_name(actor, "actor", f"adapter {version!r}")
        with self._write() as conn:
            self._merge_metrics(conn, version, metrics, actor)
            return self._get(conn, version)

    def set_status(
        self,
        version: str,
        status: str,
        *,
        actor: str,
        reason: str,
        canary_share: float | None = None,
        expected_status: str | None = None,
    ) -> AdapterRecord:
        """Move ``version`` to ``status`` (e.g. canary, rejected) along :data:`TRANSITIONS`.

        A move to ``canary`` needs ``canary_share``, the share of users the canary serves, within (0, 1); no
        other move takes one. Moves into or out of ``champion`` are refused here: use :meth:`promote` or
        :meth:`rollback`, which also move the champion pointer. ``expected_status`` is the status the caller
        decided on: if the version has moved since, nothing changes and :class:`ConcurrentChangeError` says so.
        A move into a status another version holds (:data:`HELD_BY_ONE`) fails on its unique index; to take the
        status over from that version, use :meth:`take_over`.
        """
        canary_share = self._check_move(version, status, actor, reason, canary_share)
        self._require_usable_to_serve(version, status)
        with self._write() as conn, _translate_races(f"move {version!r} to {status}"):
            self._move(conn, version, status, actor, reason, canary_share, expected_status)
            return self._get(conn, version)

    def take_over(
        self,
        version: str,
        status: str,
        *,
        actor: str,
        reason: str,
        canary_share: float | None = None,
        expected_status: str | None = None,
        metrics: dict | None = None,
    ) -> str | None:
        """Make ``version`` the one ``shadow`` challenger or the one ``canary`` in ONE transaction: the version that
        holds ``status`` now, if another, is rejected as superseded by ``version``, then ``version`` moves as in
        :meth:`set_status`, and ``metrics`` (if any) are merged into its metrics as in :meth:`add_metrics`, so a
        refused move leaves them unwritten too. Returns the superseded version, or None.

        Of two take-overs at once, one commits and the other gets :class:`ConcurrentChangeError` (on SQLite they
        queue instead): retrying re-reads the new holder and supersedes it in turn.
        """
        if status not in HELD_BY_ONE or status == "champion":
            raise ValueError(f"adapter {version!r}: take_over moves into shadow or canary, not {status!r}")
        canary_share = self._check_move(version, status, actor, reason, canary_share)
        self._require_usable_to_serve(version, status)
        with self._write() as conn, _translate_races(f"take over {status} for {version!r}"):
            holder = conn.execute(
                sa.select(adapters_table.c.version).where(
                    adapters_table.c.status == status, adapters_table.c.version != version
                )
            ).scalar_one_or_none()
            if holder is not None:
                superseded = f"{status} superseded by {version}"
                self._move(conn, holder, "rejected", actor, superseded, None, expected_status=status)
            if metrics is not None:
                self._merge_metrics(conn, version, metrics, actor)
            self._move(conn, version, status, actor, reason, canary_share, expected_status)
            return holder

    def approve(self, version: str, *, approver: str, note: str) -> AdapterRecord:
        """Record that ``approver`` approves promoting ``version`` (a candidate or canary); audited.

        Approving does not promote: the promotion still needs its gates (see
        :mod:`feedback_loop.registry.policy`). Approving twice records both approvals.
        """
        _require_text(version, "version", "approve")
        _require_name(approver, "approver", f"adapter {version!r}")
        _require_text(note, "note", f"adapter {version!r}")
        with self._write() as conn:
            current = self._get(conn, version)
            if current.status not in APPROVABLE:
                raise IllegalTransitionError(
                    f"adapter {version!r} is {current.status}; only a candidate, shadow or canary can be approved"
                )
            now = _now()
            conn.execute(
                approvals_table.insert().values(version=version, approver=approver, note=note, approved_at=now)
            )
            self._audit(conn, version, current.status, current.status, approver, f"approved for promotion: {note}", now)
            return current

    def promote(
        self, version: str, *, actor: str, reason: str, replacing: str | AnyChampion | None = ANY_CHAMPION
    ) -> AdapterRecord:
        """Make ``version`` the champion in ONE transaction: the old champion is retired, both changes are
        audited and the champion pointer moves. Promoting the current champion again changes nothing.

        ``replacing``: the champion (None: the bare base model) that ``version`` was judged against; when
        another one is champion by then, nothing changes (:class:`ConcurrentChangeError`)."""
        self._check_actor_reason(version, actor, reason)
        target = self.get(version)
        if target.status != "champion":  # before the write lock: checking may download the folder
            self._require_usable(target, f"promote {version!r}")
        with self._write() as conn:
            target = self._get(conn, version)
            if target.status == "champion":
                return target
            self._check_transition(version, target.status, "champion")
            pointer = self._current_pointer(conn)
            current = None if pointer is None or pointer.version == BASE else pointer.version
            if not isinstance(replacing, AnyChampion) and current != replacing:
                raise ConcurrentChangeError(
                    f"promote {version!r}: it was judged against {replacing or 'the bare base model'}, but the "
                    f"champion is now {current or 'the bare base model'}; nothing changed"
                )
            now = _now()
            with _translate_races(f"promote {version!r}"):
                old = self._retire_champion(conn, pointer, actor, reason, now)
                self._set(conn, version, target.status, "champion", now)
                self._audit(conn, version, target.status, "champion", actor, reason, now)
                self._move_pointer(
                    conn,
                    previous=pointer,
                    version=version,
                    replaced_version=old,
                    restore_id=None if pointer is None else pointer.id,
                    kind="promote",
                    actor=actor,
                    reason=reason,
                    now=now,
                )
            return self._get(conn, version)

    def rollback(self, *, actor: str, reason: str) -> AdapterRecord | None:
        """Restore the previous champion in ONE transaction: the current champion is retired and the version
        it replaced (per the pointer history, undo-stack style) becomes champion again.

        The floor is the bare base model: rolling back the first promotion leaves no adapter as champion (the
        pointer names :data:`BASE`) and returns None; rolling back from there is an error.
        """
        _require_name(actor, "actor", "rollback")
        _require_text(reason, "reason", "rollback")
        with self.engine.connect() as conn:
            checked = self._rollback_target(conn)[2]
        if checked is not None:  # before the write lock: checking may download the folder
            self._require_usable(checked, f"roll back to {checked.version!r}")
        with self._write() as conn:
            pointer, restore, target = self._rollback_target(conn)
            if (None if target is None else target.version) != (None if checked is None else checked.version):
                raise ConcurrentChangeError("rollback: the champion moved while its predecessor was checked; retry")
            if target is not None:
                self._check_transition(target.version, target.status, "champion")
            now = _now()
            with _translate_races("rollback"):
                old = self._retire_champion(conn, pointer, actor, reason, now)
                if target is not None:
                    self._set(conn, target.version, target.status, "champion", now)
                    self._audit(conn, target.version, target.status, "champion", actor, reason, now)
                self._move_pointer(
                    conn,
                    previous=pointer,
                    version=BASE if target is None else target.version,
                    replaced_version=old,
                    restore_id=None if restore is None else restore.restore_id,
                    kind="rollback",
                    actor=actor,
                    reason=reason,
                    now=now,
                )
            return None if target is None else self._get(conn, target.version)

    def _rollback_target(self, conn: Connection) -> tuple[sa.Row, sa.Row | None, AdapterRecord | None]:
        """The current pointer, the pointer row a rollback restores (None: none) and the version it makes champion
        (None: the bare base model); an error when there is nothing to roll back."""
        pointer = self._current_pointer(conn)
        if pointer is None:
            raise NoPreviousChampionError("rollback: no champion has ever been promoted")
        if pointer.version == BASE:
            raise NoPreviousChampionError(
                "rollback: the champion is already the bare base model; there is nothing earlier to restore"
            )
        restore = (
            None
            if pointer.restore_id is None
            else conn.execute(sa.select(pointer_table).where(pointer_table.c.id == pointer.restore_id)).one()
        )
        target = None if restore is None or restore.version == BASE else self._get(conn, restore.version)
        return pointer, restore, target

    def _require_usable(self, record: AdapterRecord, action: str) -> None:
        """Refuse ``action`` (naming ``record``'s version), a move into a status that serves traffic, when
        :attr:`check_artifact` finds its artifact unusable."""
        if self.check_artifact is None:
            return
        try:
            self.check_artifact(record.path)
        except (OSError, ValueError) as error:
            raise UnusableArtifactError(
                f"{action}: its adapter folder {record.path} cannot be served ({error}); nothing changed"
            ) from error

    def _require_usable_to_serve(self, version: str, status: str) -> None:
        """Before :meth:`set_status` or :meth:`take_over` moves ``version`` into ``status``: refuse when that status
        serves traffic and the version's artifact cannot be served. A move the registry refuses anyway (an illegal
        transition) is left to that refusal. Runs before the write lock: checking may download the folder."""
        if status not in SERVES_TRAFFIC or self.check_artifact is None:
            return
        record = self.get(version)
        if status in TRANSITIONS[record.status]:
            self._require_usable(record, f"move {version!r} to {status}")

    # --- helpers (all run inside the caller's transaction) -----------------------------------------
    @staticmethod
    def _find(conn: Connection, version: str, for_update: bool = False) -> sa.Row | None:
        query = sa.select(adapters_table).where(adapters_table.c.version == version)
        return conn.execute(query.with_for_update() if for_update else query).one_or_none()

    def _get(self, conn: Connection, version: str, for_update: bool = False) -> AdapterRecord:
        """The record of ``version``; with ``for_update``, its row stays locked until the transaction ends."""
        row = self._find(conn, version, for_update)
        if row is None:
            raise UnknownVersionError(f"adapter {version!r} is not registered")
        return _record(row)

    def _check_move(
        self, version: str, status: str, actor: str, reason: str, canary_share: float | None
    ) -> float | None:
        """The checks of a move to ``status`` that need no database; returns the canary share to store."""
        self._check_actor_reason(version, actor, reason)
        if status not in STATUSES:
            raise ValueError(f"adapter {version!r}: field 'status' must be one of {STATUSES}, got {status!r}")
        if status == "champion":
            raise IllegalTransitionError(
                f"adapter {version!r}: a move to champion moves the champion; use promote() or rollback()"
            )
        if status == "canary":
            return check_canary_share(version, canary_share)
        if canary_share is not None:
            raise ValueError(f"adapter {version!r}: field 'canary_share' applies only to a move to canary")
        return None

    def _move(
        self,
        conn: Connection,
        version: str,
        status: str,
        actor: str,
        reason: str,
        canary_share: float | None,
        expected_status: str | None,
    ) -> None:
        """Move ``version`` to ``status``, audited (see :meth:`set_status`)."""
        current = self._get(conn, version)
        if expected_status is not None and current.status != expected_status:
            raise ConcurrentChangeError(
                f"adapter {version!r} is {current.status}, no longer {expected_status}: another writer moved it; "
                "nothing changed, re-read and retry"
            )
        if current.status == "champion":
            raise IllegalTransitionError(
                f"adapter {version!r}: {current.status} -> {status} moves the champion; use promote() or rollback()"
            )
        self._check_transition(version, current.status, status)
        now = _now()
        self._set(conn, version, current.status, status, now)
        if status == "canary":
            conn.execute(
                adapters_table.update().where(adapters_table.c.version == version).values(canary_share=canary_share)
            )
        self._audit(conn, version, current.status, status, actor, reason, now)

    def _merge_metrics(self, conn: Connection, version: str, metrics: dict, actor: str) -> None:
        """Merge ``metrics`` (top-level keys) into the version's metrics, its row locked; audited."""
        current = self._get(conn, version, for_update=True)
        merged = _to_json({**current.metrics, **metrics}, "metrics", version)
        now = _now()
        conn.execute(
            adapters_table.update().where(adapters_table.c.version == version).values(metrics=merged, updated_at=now)
        )
        self._audit(
            conn, version, current.status, current.status, actor, f"metrics updated: {', '.join(sorted(metrics))}", now
        )

    @staticmethod
    def _check_actor_reason(version: str, actor: str, reason: str) -> None:
        _require_text(version, "version", "registry")
        _require_name(actor, "actor", f"adapter {version!r}")
        _require_text(reason, "reason", f"adapter {version!r}")

    @staticmethod
    def _check_transition(version: str, from_status: str, to_status: str) -> None:
        if to_status not in TRANSITIONS[from_status]:
            allowed = ", ".join(sorted(TRANSITIONS[from_status])) or "none"
            raise IllegalTransitionError(
                f"adapter {version!r}: illegal transition {from_status} -> {to_status} (allowed: {allowed})"
            )

    @staticmethod
    def _set(conn: Connection, version: str, from_status: str, to_status: str, now: datetime) -> None:
        """Change the status, but only if it is still ``from_status`` (else a concurrent writer won)."""
        result = conn.execute(
            adapters_table.update()
            .where(adapters_table.c.version == version, adapters_table.c.status == from_status)
            .values(status=to_status, updated_at=now)
        )
        if result.rowcount != 1:
            raise ConcurrentChangeError(
                f"adapter {version!r} is no longer {from_status}: another writer changed it; retry"
            )

    @staticmethod
    def _audit(
        conn: Connection,
        version: str,
        from_status: str | None,
        to_status: str,
        actor: str,
        reason: str,
        now: datetime,
    ) -> None:
        conn.execute(
            audit_table.insert().values(
                ts=now,
                version=version,
                from_status=from_status,
                to_status=to_status,
                actor=actor,
                reason=reason,
            )
        )

    @staticmethod
    def _current_pointer(conn: Connection) -> sa.Row | None:
        return conn.execute(sa.select(pointer_table).order_by(pointer_table.c.id.desc()).limit(1)).one_or_none()

    def _retire_champion(
        self, conn: Connection, pointer: sa.Row | None, actor: str, reason: str, now: datetime
    ) -> str | None:
        """Retire the champion the pointer names; returns its version (None before the first promotion, BASE
        when the bare base model is the champion: no adapter to retire)."""
        if pointer is None:
            return None
        if pointer.version == BASE:
            return BASE
        self._set(conn, pointer.version, "champion", "retired", now)
        self._audit(conn, pointer.version, "champion", "retired", actor, reason, now)
        return pointer.version

    @staticmethod
    def _move_pointer(
        conn: Connection,
        *,
        previous: sa.Row | None,
        version: str,
        replaced_version: str | None,
        restore_id: int | None,
        kind: str,
        actor: str,
        reason: str,
        now: datetime,
    ) -> None:
        conn.execute(
            pointer_table.insert().values(
                previous_id=0 if previous is None else previous.id,
                version=version,
                replaced_version=replaced_version,
                restore_id=restore_id,
                kind=kind,
                moved_at=now,
                actor=actor,
                reason=reason,
            )
        )


@contextmanager
def _translate_races(operation: str) -> Iterator[None]:
    """Turn a unique-constraint violation of a status move into :class:`ConcurrentChangeError`.

    The values a move writes are checked before it starts, so the only constraints it can violate are the
    indexes of :data:`HELD_BY_ONE` and the unique pointer chain, and each means that another writer committed
    first.
    """
    try:
        yield
    except sa.exc.IntegrityError as exc:
        raise ConcurrentChangeError(f"{operation}: another writer committed first; nothing changed, retry") from exc


def adapter_registry(url: str, fetch: Callable[[Path], object] | None = None) -> Registry:
    """The adapter registry at ``url``, refusing to put into shadow, canary or champion (a promotion or a rollback)
    an adapter whose folder is missing or damaged (:func:`~feedback_loop.model.base.check_adapter_files`).
    ``fetch(path)`` first brings the folder up to date: with a data root in object storage, the working copy's
    :meth:`~feedback_loop.storage.DataStore.pull_path` (a path the registry records names the working copy)."""
    from feedback_loop.model.base import check_adapter_files

    def check(path: str) -> None:
        if fetch is not None:
            fetch(Path(path))
        check_adapter_files(path)

    return Registry(url, check_artifact=check)
