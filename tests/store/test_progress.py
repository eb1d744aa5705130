"""Lesson state, quiz results, journal and preferences."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.store import JournalEntry, LessonState, QuizResult, Store, StoreError


@pytest.fixture
def pid(store: Store) -> str:
    return store.create_profile("Ana")


def test_lesson_state_defaults_to_not_started(store: Store, pid: str) -> None:
    assert store.lesson_state(pid, "trust") == LessonState(lesson_id="trust")
    assert store.lesson_states(pid) == {}


def test_step_save_starts_a_lesson_and_adds_time(store: Store, pid: str) -> None:
    first = store.save_lesson_state(pid, "trust", step=1, add_seconds=12.5)
    assert (first.step, first.status, first.seconds) == (1, "in_progress", 12.5)
    assert first.started is not None and first.finished is None
    second = store.save_lesson_state(pid, "trust", step=2, add_seconds=7.5)
    assert (second.step, second.seconds, second.started) == (2, 20.0, first.started)
    assert store.lesson_state(pid, "trust") == second
    assert set(store.lesson_states(pid)) == {"trust"}


def test_done_is_not_undone_by_a_step_save(store: Store, pid: str) -> None:
    store.save_lesson_state(pid, "trust", step=3)
    done = store.save_lesson_state(pid, "trust", status="done")
    assert done.status == "done" and done.finished is not None
    again = store.save_lesson_state(pid, "trust", step=0, add_seconds=5)
    assert again.status == "done" and again.step == 0 and again.finished == done.finished
    reopened = store.save_lesson_state(pid, "trust", status="in_progress")
    assert reopened.status == "in_progress" and reopened.finished is None


def test_lesson_state_rejects_nonsense(store: Store, pid: str) -> None:
    with pytest.raises(ValueError):
        store.save_lesson_state(pid, "trust", status="finished")
    with pytest.raises(ValueError):
        store.save_lesson_state(pid, "trust", step=-1)


def test_quiz_results_and_best(store: Store, pid: str) -> None:
    assert store.best_quiz_result(pid, "trust") is None
    first = store.record_quiz_result(pid, "trust", 2, 3, False)
    assert isinstance(first, QuizResult) and first.percent == 67
    store.record_quiz_result(pid, "trust", 3, 3, True)
    store.record_quiz_result(pid, "trust", 1, 3, False)
    store.record_quiz_result(pid, "other", 0, 0, False)
    assert [r.score for r in store.quiz_results(pid)] == [2, 3, 1, 0]
    best = store.best_quiz_result(pid, "trust")
    assert best is not None and (best.score, best.percent, best.passed) == (3, 100, True)
    assert store.best_quiz_result(pid, "other").percent == 0  # type: ignore[union-attr]


def test_journal_upserts_on_lesson_and_prompt(store: Store, pid: str) -> None:
    first = store.save_journal(pid, "trust", "why", "Why does it matter?", "draft")
    assert isinstance(first, JournalEntry)
    again = store.save_journal(pid, "trust", "why", "Why does it matter?", "final")
    assert again.id == first.id and again.created == first.created and again.text == "final"
    other = store.save_journal(pid, "trust", "how", "How?", "[bold]literal[/] \x1b[1m")
    assert [e.id for e in store.journal(pid)] == [first.id, other.id]
    edited = store.update_journal(pid, other.id, "changed")
    assert edited.text == "changed" and edited.updated >= other.updated
    store.delete_journal(pid, first.id)
    assert [e.text for e in store.journal(pid)] == ["changed"]
    with pytest.raises(StoreError):
        store.update_journal(pid, first.id, "x")
    with pytest.raises(StoreError):
        store.delete_journal(pid, first.id)


def test_preferences(store: Store, pid: str) -> None:
    assert store.preferences(pid) == {}
    store.set_preference(pid, "theme", "dark")
    store.set_preference(pid, "theme", "light")
    store.set_preference(pid, "text_size", "large")
    assert store.preferences(pid) == {"theme": "light", "text_size": "large"}


def test_each_profile_has_its_own_file(data_dir: Path, store: Store) -> None:
    a, b = store.create_profile("a"), store.create_profile("b")
    store.record_answer(a, "l", "only-a", ["x"], True)
    assert store.answers(b) == []
    assert b"only-a" in (data_dir / "profiles" / f"{a}.json").read_bytes()
    assert b"only-a" not in (data_dir / "profiles" / f"{b}.json").read_bytes()
    assert b"only-a" not in (data_dir / "profiles.json").read_bytes()
