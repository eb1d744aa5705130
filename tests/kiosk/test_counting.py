"""The counting guest: progress in memory only; each counter bumped at the right moment, once."""

from __future__ import annotations

from course.ui.kiosk.counting import CountingGuest


def make() -> tuple[CountingGuest, list[str]]:
    events: list[str] = []
    return CountingGuest(events.append), events


def test_a_lesson_is_started_and_finished_once_per_visit() -> None:
    guest, events = make()
    guest.save_position("a", 0, 1.0)
    guest.save_position("a", 1, 1.0)
    guest.save_position("a", 0, 1.0)
    assert events == ["lessons_started"]
    guest.finish_lesson("a", 1.0)
    guest.save_position("a", 0, 1.0)  # reading it again
    guest.finish_lesson("a", 1.0)
    assert events == ["lessons_started", "lessons_finished"]
    guest.finish_lesson("b", 1.0)  # finished without a saved position still counts as started
    assert events[2:] == ["lessons_started", "lessons_finished"]


def test_answers_count_and_right_answers_count_again() -> None:
    guest, events = make()
    guest.record_answer("a", "q1", ["a"], False)
    guest.record_answer("a", "q1", ["b"], True)
    assert events == ["questions_answered", "questions_answered", "questions_right"]


def test_nothing_personal_reaches_the_counter_and_wipe_forgets() -> None:
    guest, events = make()
    guest.save_position("a", 2, 10.0)
    guest.record_answer("a", "q1", ["b"], True)
    guest.record_quiz("a", 1, 1, True)
    guest.save_journal("a", "k", "prompt", "private words")
    assert guest.journal() == [] and guest.keeps_journal is False
    assert set(events) <= {"lessons_started", "questions_answered", "questions_right"}
    guest.wipe()
    assert guest.lesson_states() == {} and guest.answers == [] and guest.best_quiz("a") is None
