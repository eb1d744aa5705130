"""docs/kiosk.md: the start script is valid bash, and the getty drop-in and the keymap service are accepted by
systemd."""

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
    (drop_in,) = [block for block in blocks("ini") if "agetty" in block]
    units = tmp_path / "units"
    (units / "getty@tty1.service.d").mkdir(parents=True)
    shutil.copy("/lib/systemd/system/getty@.service", units)
    (units / "getty@tty1.service.d" / "override.conf").write_text(drop_in, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", "getty@tty1.service"], cwd=units, capture_output=True,
                            text=True, timeout=60, env={"SYSTEMD_UNIT_PATH": f"{units}:", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "--autologin kiosk" in drop_in


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_the_keymap_service_is_accepted_by_systemd(tmp_path: Path) -> None:
    (unit,) = [block for block in blocks("ini") if "loadkeys" in block]
    assert "Console_[0-9]+" in unit and "WantedBy=multi-user.target" in unit
    (tmp_path / "kiosk-keymap.service").write_text(unit, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", "kiosk-keymap.service"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={"SYSTEMD_UNIT_PATH": f"{tmp_path}:", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "kiosk-keymap.service" not in result.stderr, result.stderr  # no complaint about the unit itself


def test_install_and_update_use_a_copy_of_the_folder_as_the_readme_does() -> None:
    text = DOC.read_text(encoding="utf-8")
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "pip install ." in readme  # the README installs from a copy of the folder
    assert "pip install family-course" not in text and "--upgrade family-course" not in text
    assert "/opt/family-course/bin/pip install /home/you/family-course" in text
    assert "sudo adduser clinic-admin" in text and "ADMIN=clinic-admin" in text
