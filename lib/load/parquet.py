"""Parquet files (pyarrow), lighteval details recognised by their columns; bounded by their own metadata before any row is decoded.

A Parquet file can be tiny and hold millions of rows (a 112 KB file of 20 million repeated
values): the footer says how many rows, columns and unpacked bytes it has, so those are checked
first, and only the rows within the limit are read.
"""
from __future__ import annotations

import io

from lib.load import frameworks, limits
from lib.load.dataset import LoadError, LoadWarning
from lib.load.table import ParsedTable, Source, unique_header


def read_parquet(data: bytes, source: Source) -> ParsedTable:
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = source.name
    bound = limits.current()
    warnings: list[LoadWarning] = []
    try:
        file = pq.ParquetFile(io.BytesIO(data))
        meta = file.metadata
        columns = file.schema_arrow.names
        keep_columns = columns[:bound.columns]
        if len(columns) > bound.columns:
            warnings.append(LoadWarning(None, f"the file has {len(columns):,} columns; only the first {bound.columns:,} "
                                              f"were read, up to \"{columns[bound.columns - 1]}\" "
                                              f"({limits.ENV['columns']})."))
        take = min(meta.num_rows, bound.rows)
        # Unpacked size of what will be read: the row groups needed, their kept columns.
        expanded, counted = 0, 0
        for g in range(meta.num_row_groups):
            if counted >= take:
                break
            group = meta.row_group(g)
            expanded += sum(group.column(c).total_uncompressed_size for c in range(min(group.num_columns, bound.columns)))
            counted += group.num_rows
        if expanded > bound.expanded_bytes:
            raise LoadError(f"{name}: its first {take:,} rows unpack to {limits.mb(expanded)}; Redline reads at most "
                            f"{limits.mb(bound.expanded_bytes)} ({limits.ENV['expanded_bytes']}).")
        batches, read = [], 0
        for batch in file.iter_batches(batch_size=min(max(take, 1), 65_536), columns=keep_columns):
            batches.append(batch.slice(0, take - read))
            read += batches[-1].num_rows
            if read >= take:
                break
        table = pa.Table.from_batches(batches) if batches else file.schema_arrow.empty_table().select(keep_columns)
        frame = table.to_pandas()
    except LoadError:
        raise
    except Exception as exc:  # pyarrow raises its own error types
        raise LoadError(f"{name} is not a readable Parquet file ({type(exc).__name__}: {exc}).") from None
    if meta.num_rows > take:
        warnings.append(LoadWarning(take + 1, f"the file has {meta.num_rows:,} rows; only the first {take:,} were read "
                                              f"({limits.ENV['rows']}): records from {take + 1:,} on are not shown."))
    framework = frameworks.from_parquet(frame, source)
    if framework is not None:
        framework.encoding = "binary"
        framework.warnings = warnings + list(framework.warnings)
        return framework
    frame.columns = unique_header([str(c) for c in frame.columns])
    return ParsedTable(frame, list(range(1, len(frame) + 1)), "parquet", "binary", warnings)

