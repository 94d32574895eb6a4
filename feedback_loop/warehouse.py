"""The telemetry warehouse: Parquet tables, partitioned by day, queried with DuckDB.

Layout under the warehouse root (a local path or a URI such as ``s3://bucket/warehouse``)::

    <table>/date=YYYY-MM-DD/part-0.parquet   daily-partitioned tables (events, quarantine, labels)
    <table>/data.parquet                     whole tables (review_queue)
    <table>/part-<uuid>.parquet              append-only tables (reviews)

Writes go to a temporary name and are then renamed, so a reader never sees half a file and a re-run
replaces a partition whole. Reads go through pyarrow's file systems into Arrow tables that DuckDB queries in
memory: no DuckDB database file, so no lock is held between runs.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.fs as pafs
import pyarrow.parquet as pq


class Warehouse:
    def __init__(self, root: str | Path, filesystem: pafs.FileSystem | None = None):
        """``root`` on ``filesystem`` when given (a path inside it, as the file system names it), else a local
        path or a URI."""
        root = str(root)
        if filesystem is not None:
            self.fs, self.root = filesystem, root
        elif "://" in root:
            self.fs, self.root = pafs.FileSystem.from_uri(root)
        else:
            self.fs, self.root = pafs.LocalFileSystem(), str(Path(root).resolve())

    def _path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def _write_atomic(self, table: pa.Table, path: str) -> None:
        directory = path.rsplit("/", 1)[0]
        self.fs.create_dir(directory, recursive=True)
        tmp = f"{directory}/.tmp-{uuid.uuid4().hex}.parquet"
        pq.write_table(table, tmp, filesystem=self.fs)
        self.fs.move(tmp, path)

    # --- daily partitions -------------------------------------------------------------------
    def write_partition(self, table_name: str, partition: str, table: pa.Table) -> str:
        """Replace one day's partition of ``table_name`` with ``table``; returns its path."""
        path = self._path(table_name, f"date={partition}", "part-0.parquet")
        self._write_atomic(table, path)
        return path

    def write_partition_file(self, table_name: str, partition: str, local_file: str | Path) -> str:
        """Replace one day's partition of ``table_name`` with the Parquet file ``local_file`` (on this machine),
        copied in without reading it into memory; returns its path."""
        path = self._path(table_name, f"date={partition}", "part-0.parquet")
        directory = path.rsplit("/", 1)[0]
        self.fs.create_dir(directory, recursive=True)
        tmp = f"{directory}/.tmp-{uuid.uuid4().hex}.parquet"
        pafs.copy_files(str(Path(local_file).resolve()), tmp, pafs.LocalFileSystem(), self.fs)
        self.fs.move(tmp, path)
        return path

    def partitions(self, table_name: str) -> list[str]:
        """The partition keys present for ``table_name``, sorted."""
        return list(self.written(table_name))

    def written(self, table_name: str) -> dict[str, int]:
        """The partition keys present for ``table_name``, sorted, each with when its file was last written (ns
        since the epoch by the store's clock, so comparable across tables; 0 where the store does not say)."""
        selector = pafs.FileSelector(self._path(table_name), allow_not_found=True)
        written = {}
        for info in self.fs.get_file_info(selector):
            name = info.base_name
            if info.type == pafs.FileType.Directory and name.startswith("date="):
                part = self.fs.get_file_info(self._path(table_name, name, "part-0.parquet"))
                if part.type == pafs.FileType.File:
                    written[name.removeprefix("date=")] = part.mtime_ns or 0
        return dict(sorted(written.items()))

    def read_partitions(
        self,
        table_name: str,
        partitions: list[str] | None = None,
        schema: pa.Schema | None = None,
        columns: list[str] | None = None,
        filter: pc.Expression | None = None,
    ) -> pa.Table:
        """Rows of the given partitions (all when None), with a ``date`` column naming each row's partition.

        ``columns`` (all when None) limits what is read from Parquet, so a count over one column stays cheap.
        ``filter`` (a pyarrow compute expression over the stored columns) is pushed down into the Parquet
        reader: row groups its statistics rule out are skipped, and rows that fail it are never materialized.
        With ``schema``, a column of it that an older partition predates reads as nulls of its type, and a
        missing table reads as empty with ``schema`` (plus ``date``).
        """
        present = self.partitions(table_name)
        wanted = present if partitions is None else [p for p in partitions if p in present]
        tables = []
        for key in wanted:
            path = self._path(table_name, f"date={key}", "part-0.parquet")
            table = self._read_columns(path, columns, filter, schema)
            tables.append(table.append_column("date", pa.array([key] * table.num_rows, pa.string())))
        if tables:
            return pa.concat_tables(tables, promote_options="default")
        if schema is None:
            return pa.table({"date": pa.array([], pa.string())})
        if columns is not None:
            schema = pa.schema([schema.field(c) for c in columns])
        return schema.append(pa.field("date", pa.string())).empty_table()

    def _read_columns(
        self, path: str, columns: list[str] | None, filter: pc.Expression | None, schema: pa.Schema | None
    ) -> pa.Table:
        """``columns`` (all when None) of the file at ``path``. With ``schema``, a column of it that the file
        predates (one a later version of the schema added) reads as nulls of its type, so partitions written
        before and after the schema grew read alike; columns the file holds beyond ``schema`` are kept."""
        if schema is None:
            return pq.read_table(path, columns=columns, filters=filter, filesystem=self.fs)
        stored = pq.read_schema(path, filesystem=self.fs).names
        wanted = columns if columns is not None else [*schema.names, *(n for n in stored if n not in schema.names)]
        table = pq.read_table(path, columns=[c for c in wanted if c in stored], filters=filter, filesystem=self.fs)
        for index, name in enumerate(wanted):
            if name not in stored and name in schema.names:
                table = table.add_column(index, schema.field(name), pa.nulls(table.num_rows, schema.field(name).type))
        return table

    # --- whole tables -----------------------------------------------------------------------
    def write_table(self, table_name: str, table: pa.Table) -> str:
        path = self._path(table_name, "data.parquet")
        self._write_atomic(table, path)
        return path

    def read_table(self, table_name: str, schema: pa.Schema | None = None) -> pa.Table:
        path = self._path(table_name, "data.parquet")
        if self.fs.get_file_info(path).type == pafs.FileType.File:
            return pq.read_table(path, filesystem=self.fs)
        return (schema or pa.schema([])).empty_table()

    # --- append-only tables -----------------------------------------------------------------
    def append(self, table_name: str, table: pa.Table) -> str:
        """Add ``table`` as a new file of an append-only table; earlier files are never rewritten."""
        path = self._path(table_name, f"part-{uuid.uuid4().hex}.parquet")
        self._write_atomic(table, path)
        return path

    def read_appended(self, table_name: str, schema: pa.Schema | None = None) -> pa.Table:
        selector = pafs.FileSelector(self._path(table_name), allow_not_found=True)
        files = sorted(
            info.path
            for info in self.fs.get_file_info(selector)
            if info.type == pafs.FileType.File and info.base_name.startswith("part-")
        )
        if not files:
            return (schema or pa.schema([])).empty_table()
        return pa.concat_tables([pq.read_table(f, filesystem=self.fs) for f in files], promote_options="default")


def query(sql: str, **tables: pa.Table) -> pa.Table:
    """Run DuckDB ``sql`` over in-memory Arrow ``tables`` (each visible under its keyword name)."""
    import duckdb

    with duckdb.connect(":memory:") as con:
        for name, table in tables.items():
            con.register(name, table)
        # A relation's to_arrow_table works in every DuckDB we support; fetch_arrow_table is gone in 2.x.
        return con.sql(sql).to_arrow_table()
