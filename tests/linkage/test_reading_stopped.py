"""A reading process killed on the way stops ``mizan link`` with a message, never a hang."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from mizan.cli import main
from mizan.linkage import ReadingStopped, engine

HEADER = "id,first_name,father_name,family_name,birth_year\n"


def _killed(bounds: tuple[int, int]) -> None:
    """What the kernel's out-of-memory killer does to a reader: SIGKILL, no clean-up."""
    os.kill(os.getpid(), signal.SIGKILL)


def _in_thread(function, timeout: float = 60.0):  # type: ignore[no-untyped-def]
    """``function()``'s result or exception; the test fails (instead of hanging) past timeout."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as exc:  # handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "the forked reading hung after a process was killed"
    return outcome


def test_a_killed_reader_raises_instead_of_waiting_forever() -> None:
    outcome = _in_thread(lambda: engine._forked_map(_killed, [(0, 1), (1, 2), (2, 3)], 2))
    assert isinstance(outcome.get("error"), ReadingStopped)


def test_the_command_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"{n},أحمد,محمد,الحموي{n % 7},{1960 + n % 30}\n" for n in range(40))
    path = tmp_path / "list.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    out = tmp_path / "clusters.csv"
    monkeypatch.setattr(engine, "PARALLEL_RECORDS", 10)
    monkeypatch.setattr(engine, "_SLICE", 10)
    monkeypatch.setattr(engine, "_processes", lambda: 2)
    monkeypatch.setattr(engine, "_read_slice", _killed)
    outcome = _in_thread(lambda: main(["link", str(path), "--out", str(out)]))
    assert outcome.get("value") == 1
    assert not out.exists()
    assert not list(tmp_path.glob("*.problems.csv"))
    error = capsys.readouterr().err
    assert "nothing was written" in error
    assert "out of memory" in error
