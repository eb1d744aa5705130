"""A kiosk guest: progress in memory only, plus the anonymous daily counters for the clinic's report."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from course.learner import GuestLearner


class CountingGuest(GuestLearner):
    """A ``GuestLearner`` that also counts, without saying who: lessons started and finished (once per visit
    each), quiz questions answered and answered right.

    ``count(event)`` stores one counter event; it must not raise (the kiosk logs store problems itself).
    """

    def __init__(self, count: Callable[[str], None]) -> None:
        super().__init__()
        self._count = count

    def save_position(self, lesson_id: str, step: int, seconds: float) -> None:
        first = self.lesson_state(lesson_id).status == "not_started"
        super().save_position(lesson_id, step, seconds)
        if first:
            self._count("lessons_started")

    def finish_lesson(self, lesson_id: str, seconds: float) -> None:
        before = self.lesson_state(lesson_id).status
        super().finish_lesson(lesson_id, seconds)
        if before == "not_started":
            self._count("lessons_started")
        if before != "done":
            self._count("lessons_finished")

    def record_answer(self, lesson_id: str, question_id: str, choices: Sequence[str], correct: bool) -> None:
        super().record_answer(lesson_id, question_id, choices, correct)
        self._count("questions_answered")
        if correct:
            self._count("questions_right")

    def wipe(self) -> None:
        """Forget everything this guest did."""
        self.states.clear()
        self.results.clear()
        self.answers.clear()
