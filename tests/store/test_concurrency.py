"""Several processes on one data directory: nothing lost, nothing duplicated."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest

from course.store import Store

from .helpers import REPO, Acks, worker_command, worker_env

pytestmark = pytest.mark.usefixtures("each_platform")  # as it is, then as on Windows (nonposix.py)

PROCESSES = 8


def _run_all(data_dir: Path, jobs: list[tuple[str, ...]]) -> list[Acks]:
    procs = [
        subprocess.Popen(
            worker_command(data_dir, *job),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=worker_env(),
            cwd=REPO,
        )
        for job in jobs
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        acks = Acks.parse(out)
        results.append(acks)
    return results


def test_eight_processes_answering_on_one_profile(data_dir: Path) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile("Shared")
    jobs = [("answers", pid, "50", f"p{n}") for n in range(PROCESSES)]
    _run_all(data_dir, jobs)
    with Store(data_dir) as s:
        saved = Counter(a.question_id for a in s.answers(pid))
        assert s.problems == []
    expected = {f"p{n}-{i}" for n in range(PROCESSES) for i in range(50)}
    assert set(saved) == expected
    assert all(count == 1 for count in saved.values())
    per_process = {}
    with Store(data_dir) as s:
        for a in s.answers(pid):  # each process's answers keep their order
            tag, i = a.question_id.split("-")
            assert per_process.get(tag, -1) < int(i)
            per_process[tag] = int(i)


def test_eight_processes_creating_profiles(data_dir: Path) -> None:
    Store(data_dir).close()
    jobs = [("profiles", "10", f"p{n}") for n in range(PROCESSES)]
    results = _run_all(data_dir, jobs)
    acked_ids = [pid for acks in results for pid in acks.profiles]
    assert len(acked_ids) == len(set(acked_ids)) == PROCESSES * 10
    with Store(data_dir) as s:
        profiles = s.profiles()
        assert s.problems == []
    assert sorted(p.id for p in profiles) == sorted(acked_ids)
    names = Counter(p.name for p in profiles)
    assert set(names) == {f"p{n}-{i}" for n in range(PROCESSES) for i in range(10)}
    assert all(count == 1 for count in names.values())
    assert len(list((data_dir / "profiles").glob("*.json"))) == PROCESSES * 10


def test_two_stores_in_one_process_see_each_other(data_dir: Path) -> None:
    a, b = Store(data_dir), Store(data_dir)
    pid = a.create_profile("Ana")
    assert [p.id for p in b.profiles()] == [pid]
    b.record_answer(pid, "l", "from-b", ["x"], True)
    a.record_answer(pid, "l", "from-a", ["x"], True)
    assert [x.question_id for x in a.answers(pid)] == ["from-b", "from-a"]
    b.delete_profile(pid)
    assert a.profiles() == []
