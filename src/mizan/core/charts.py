"""Bar charts drawn as server-side SVG (no script, no inline CSS), each with its table and CSV:
the statistics of the documentation module and the overview of the missing use the same one
(template ``includes/bar_chart.html``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROW_HEIGHT = 28


@dataclass(frozen=True)
class Chart:
    key: str
    title: Any
    rows: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.rows)

    @property
    def bars(self) -> list[dict[str, Any]]:
        """Rows with their bar length in per cent of the largest."""
        top = max((count for _, count in self.rows), default=0) or 1
        return [
            {
                "label": label,
                "count": count,
                "percent": round(100 * count / top, 1),
                "y": index * ROW_HEIGHT,
            }
            for index, (label, count) in enumerate(self.rows)
        ]

    @property
    def height(self) -> int:
        return max(ROW_HEIGHT, ROW_HEIGHT * len(self.rows))
