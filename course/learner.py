"""The person taking the course, as the screens see them: a stored profile at home, or a guest kept in memory.

Screens call these methods and never the store directly, so one set of screens serves every mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from course.grading import percent_of
from course.i18n import N_, _
from course.store.records import JournalEntry, LessonState, OpenQuiz, QuizResult, now

if TYPE_CHECKING:
    from course.store import Store

MAX_STEP_SECONDS = 15 * 60  # time on one step beyond this is counted as away from the screen


class Learner(Protocol):
    keeps_journal: bool

    @property
    def name(self) -> str: ...

    def lesson_state(self, lesson_id: str) -> LessonState: ...
    def lesson_states(self) -> dict[str, LessonState]: ...
    def save_position(self, lesson_id: str, step: int, seconds: float) -> None: ...
    def finish_lesson(self, lesson_id: str, seconds: float) -> None: ...
    def record_answer(self, lesson_id: str, question_id: str, choices: Sequence[str], correct: bool) -> None: ...
    def start_quiz(self, lesson_id: str, question_ids: Sequence[str], already_right: Sequence[str]) -> None: ...
    def open_quiz(self, lesson_id: str) -> OpenQuiz | None: ...
    def open_quizzes(self) -> dict[str, OpenQuiz]: ...
    def record_quiz(self, lesson_id: str, score: int, total: int, passed: bool) -> QuizResult: ...
    def best_quiz(self, lesson_id: str) -> QuizResult | None: ...
    def journal(self) -> list[JournalEntry]: ...
    def save_journal(self, lesson_id: str, prompt_key: str, prompt: str, text: str) -> None: ...
    def update_journal(self, entry_id: str, text: str) -> None: ...
    def delete_journal(self, entry_id: str) -> None: ...


def counted(seconds: float) -> float:
    return max(0.0, min(seconds, MAX_STEP_SECONDS))


class StoredLearner:
    """A home profile: every change is written to the store as it happens."""

    keeps_journal = True

    def __init__(self, store: Store, profile_id: str, name: str) -> None:
        self.store = store
        self.profile_id = profile_id
        self.name = name

    def lesson_state(self, lesson_id: str) -> LessonState:
        return self.store.lesson_state(self.profile_id, lesson_id)

    def lesson_states(self) -> dict[str, LessonState]:
        return self.store.lesson_states(self.profile_id)

    def save_position(self, lesson_id: str, step: int, seconds: float) -> None:
        # No status: a step save starts a lesson, and never takes a finished one back to "in progress".
        self.store.save_lesson_state(self.profile_id, lesson_id, step=step, add_seconds=counted(seconds))

    def finish_lesson(self, lesson_id: str, seconds: float) -> None:
        self.store.save_lesson_state(self.profile_id, lesson_id, status="done", add_seconds=counted(seconds))

    def record_answer(self, lesson_id: str, question_id: str, choices: Sequence[str], correct: bool) -> None:
        self.store.record_answer(self.profile_id, lesson_id, question_id, list(choices), correct)

    def start_quiz(self, lesson_id: str, question_ids: Sequence[str], already_right: Sequence[str]) -> None:
        self.store.start_quiz(self.profile_id, lesson_id, question_ids, already_right)

    def open_quiz(self, lesson_id: str) -> OpenQuiz | None:
        return self.store.open_quiz(self.profile_id, lesson_id)

    def open_quizzes(self) -> dict[str, OpenQuiz]:
        return self.store.open_quizzes(self.profile_id)

    def record_quiz(self, lesson_id: str, score: int, total: int, passed: bool) -> QuizResult:
        return self.store.record_quiz_result(self.profile_id, lesson_id, score, total, passed)

    def best_quiz(self, lesson_id: str) -> QuizResult | None:
        return self.store.best_quiz_result(self.profile_id, lesson_id)

    def journal(self) -> list[JournalEntry]:
        return self.store.journal(self.profile_id)

    def save_journal(self, lesson_id: str, prompt_key: str, prompt: str, text: str) -> None:
        self.store.save_journal(self.profile_id, lesson_id, prompt_key, prompt, text)

    def update_journal(self, entry_id: str, text: str) -> None:
        self.store.update_journal(self.profile_id, entry_id, text)

    def delete_journal(self, entry_id: str) -> None:
        self.store.delete_journal(self.profile_id, entry_id)


GUEST = N_("Guest")


class GuestLearner:
    """A kiosk visitor: progress lives in this object only and is gone when it is dropped."""

    keeps_journal = False

    @property
    def name(self) -> str:
        """What the screens call a visitor, in the language shown now (it can change while they are here)."""
        # Translators: the name the course map gives a kiosk visitor, who has no profile
        return _(GUEST)

    def __init__(self) -> None:
        self.states: dict[str, LessonState] = {}
        self.results: list[QuizResult] = []
        self.answers: list[tuple[str, str, tuple[str, ...], bool]] = []
        self.open_quizzes_by_lesson: dict[str, OpenQuiz] = {}

    def lesson_state(self, lesson_id: str) -> LessonState:
        return self.states.get(lesson_id, LessonState(lesson_id))

    def lesson_states(self) -> dict[str, LessonState]:
        return dict(self.states)

    def save_position(self, lesson_id: str, step: int, seconds: float) -> None:
        state = self.lesson_state(lesson_id)
        status = "done" if state.status == "done" else "in_progress"
        self.states[lesson_id] = state._replace(step=step, status=status, seconds=state.seconds + counted(seconds),
                                         started=state.started or now())

    def finish_lesson(self, lesson_id: str, seconds: float) -> None:
        state = self.lesson_state(lesson_id)
        self.states[lesson_id] = state._replace(status="done", seconds=state.seconds + counted(seconds),
                                         started=state.started or now(), finished=state.finished or now())

    def record_answer(self, lesson_id: str, question_id: str, choices: Sequence[str], correct: bool) -> None:
        self.answers.append((lesson_id, question_id, tuple(choices), correct))
        attempt = self.open_quizzes_by_lesson.get(lesson_id)
        if attempt is not None and question_id in attempt.question_ids:
            attempt.answers[question_id] = tuple(choices)

    def start_quiz(self, lesson_id: str, question_ids: Sequence[str], already_right: Sequence[str]) -> None:
        attempt = OpenQuiz(lesson_id, tuple(question_ids), tuple(already_right), {}, now())
        self.open_quizzes_by_lesson[lesson_id] = attempt

    def open_quiz(self, lesson_id: str) -> OpenQuiz | None:
        attempt = self.open_quizzes_by_lesson.get(lesson_id)
        return None if attempt is None else attempt._replace(answers=dict(attempt.answers))

    def open_quizzes(self) -> dict[str, OpenQuiz]:
        return {lesson_id: attempt._replace(answers=dict(attempt.answers))
                for lesson_id, attempt in self.open_quizzes_by_lesson.items()}

    def record_quiz(self, lesson_id: str, score: int, total: int, passed: bool) -> QuizResult:
        result = QuizResult(lesson_id, score, total, percent_of(score, total), passed, now())
        self.results.append(result)
        self.open_quizzes_by_lesson.pop(lesson_id, None)
        return result

    def best_quiz(self, lesson_id: str) -> QuizResult | None:
        mine = [r for r in self.results if r.lesson_id == lesson_id]
        return max(mine, key=lambda r: r.percent) if mine else None

    def journal(self) -> list[JournalEntry]:
        return []

    def save_journal(self, lesson_id: str, prompt_key: str, prompt: str, text: str) -> None:
        return None

    def update_journal(self, entry_id: str, text: str) -> None:
        return None

    def delete_journal(self, entry_id: str) -> None:
        return None
