"""The load report as text for a terminal (`python -m lib info FILE`)."""
from __future__ import annotations

from lib.load.dataset import LoadReport


def format_report(report: LoadReport) -> str:
    """Aligned `label: value` lines, then every warning with its line (row, record) number."""
    roles = ", ".join(f"{role} = {col}" for role, col in report.columns.items()) or "none"
    lines = [
        f"File:      {report.name}",
        f"Format:    {report.format}",
        f"Encoding:  {report.encoding}",
        f"Shape:     {report.shape}",
        f"Columns:   {roles}",
        f"Answers:   {report.rows:,}",
        f"Samples:   {report.samples:,}",
        f"Models:    {len(report.models):,}: {', '.join(report.models)}",
    ]
    if len(report.tables) > 1:
        lines.append(f"Tables:    {len(report.tables)}; loaded {report.tables[report.table]}")
    if report.warnings:
        lines.append(f"Warnings ({len(report.warnings):,}):")
        lines += [f"  {report.warning_text(w)}" for w in report.warnings]
    else:
        lines.append("Warnings:  none")
    return "\n".join(lines)
