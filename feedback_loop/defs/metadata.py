"""Small helpers that turn stage results into Dagster metadata the UI shows well."""

import dagster as dg


def markdown_table(rows: list[dict], limit: int = 20) -> dg.MetadataValue:
    """The first ``limit`` rows as a Markdown table (the UI renders it on the asset page)."""
    if not rows:
        return dg.MetadataValue.md("(no rows)")
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows[:limit]:
        cells = (str(row[h]).replace("|", "\\|").replace("\n", " ")[:120] for h in header)
        lines.append("| " + " | ".join(cells) + " |")
    if len(rows) > limit:
        lines.append(f"\n{len(rows) - limit} more rows not shown")
    return dg.MetadataValue.md("\n".join(lines))
