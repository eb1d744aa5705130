"""docs/kiosk.md: the start script is valid bash and the systemd drop-in is accepted by systemd."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "kiosk.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)


def test_the_start_script_and_profile_lines_are_valid_bash(tmp_path: Path) -> None:
    scripts = blocks("bash")
    assert scripts and scripts[0].startswith("#!/bin/bash")
    assert "family-course-kiosk" in scripts[0] and "kiosk --idle-timeout" in scripts[0]
    for number, script in enumerate(scripts):
        path = tmp_path / f"block{number}.sh"
        path.write_text(script, encoding="utf-8")
        result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, timeout=20)
        assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None or not Path("/lib/systemd/system/getty@.service").exists(),
                    reason="needs systemd-analyze and getty@.service")
def test_the_getty_drop_in_is_accepted_by_systemd(tmp_path: Path) -> None:
    (drop_in,) = blocks("ini")
    units = tmp_path / "units"
    (units / "getty@tty1.service.d").mkdir(parents=True)
    shutil.copy("/lib/systemd/system/getty@.service", units)
    (units / "getty@tty1.service.d" / "override.conf").write_text(drop_in, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", "getty@tty1.service"], cwd=units, capture_output=True,
                            text=True, timeout=60, env={"SYSTEMD_UNIT_PATH": f"{units}:", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "--autologin kiosk" in drop_in
