"""family-course group --join-port PORT: a clear word for a wrong or busy port, never a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from course.cli import main
from course.ui import launch


def test_the_port_reaches_group_mode(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr(launch, "run_group", lambda **kwargs: seen.update(kwargs) or 0)
    with socket.socket() as probe:  # a port that is free now
        probe.bind(("0.0.0.0", 0))
        port = probe.getsockname()[1]
    assert main(["group", "--data-dir", str(tmp_path), "--join-port", str(port)]) == 0
    assert seen["join_port"] == port and seen["notes"] is False
    assert main(["group", "--data-dir", str(tmp_path)]) == 0
    assert seen["join_port"] is None


@pytest.mark.parametrize("port", ["abc", "0", "70000", "-5"])
def test_a_port_that_is_not_a_port_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["group", "--join-port", port])
    assert done.value.code == 2
    assert "is not a port: give a number from 1 to 65535" in capsys.readouterr().err


def test_a_busy_port_is_told_before_group_mode_starts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(launch, "run_group", lambda **kwargs: pytest.fail("group mode started"))
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["group", "--data-dir", str(tmp_path), "--join-port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"phones cannot join: port {port} is in use by another program" in err and "Traceback" not in err


def test_the_notes_window_takes_no_port(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(launch, "run_group", lambda **kwargs: pytest.fail("group mode started"))
    assert main(["group", "--notes", "--join-port", "8765", "--data-dir", str(tmp_path)]) == 2
    assert "--join-port goes with group mode on the projector" in capsys.readouterr().err
