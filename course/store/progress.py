"""Answers, lesson state, quiz results and preferences: all in the profile's own file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tinydb import Query

from course.i18n import N_

from .core import StoreCore
from .records import (
    LESSON_STATUSES,
    Answer,
    LessonState,
    OpenQuiz,
    QuizResult,
    from_iso,
    maybe_iso,
    now,
    to_iso,
)

_Q = Query()


def _ordered(docs: list[Any]) -> list[Any]:
    return sorted(docs, key=lambda d: d.doc_id)


def _lesson_state(doc: dict[str, Any]) -> LessonState:
    return LessonState(
        lesson_id=doc["lesson_id"],
        step=doc["step"],
        status=doc["status"],
        seconds=float(doc["seconds"]),
        started=maybe_iso(doc.get("started")),
        finished=maybe_iso(doc.get("finished")),
    )


def _quiz(doc: dict[str, Any]) -> QuizResult:
    return QuizResult(
        lesson_id=doc["lesson_id"],
        score=doc["score"],
        total=doc["total"],
        percent=doc["percent"],
        passed=doc["passed"],
        at=from_iso(doc["at"]),
    )


def percent_of(score: int, total: int) -> int:
    return (score * 100 + total // 2) // total if total > 0 else 0


class ProgressMixin(StoreCore):
    # -- answers -----------------------------------------------------------------------------------

    def record_answer(self, pid: str, lesson_id: str, question_id: str, choices: Sequence[str], correct: bool) -> None:
        """Save one answer. When this returns, the answer is on disk."""
        if isinstance(choices, str | bytes):
            raise TypeError("choices must be a list of option keys, not a single string")
        doc = {
            "lesson_id": str(lesson_id),
            "question_id": str(question_id),
            "choices": [str(c) for c in choices],
            "correct": bool(correct),
            "at": to_iso(now()),
        }
        with self._guard(N_("your answer")):
            self._profile_db(pid).table("answers").insert(doc)

    def answers(self, pid: str) -> list[Answer]:
        """Every answer of the profile, oldest first."""
        with self._guard(N_("your answers")):
            docs = _ordered(self._profile_db(pid).table("answers").all())
        return [
            Answer(
                lesson_id=d["lesson_id"],
                question_id=d["question_id"],
                choices=tuple(d["choices"]),
                correct=d["correct"],
                at=from_iso(d["at"]),
            )
            for d in docs
        ]

    # -- lesson state ------------------------------------------------------------------------------

    def lesson_state(self, pid: str, lesson_id: str) -> LessonState:
        return self.lesson_states(pid).get(lesson_id, LessonState(lesson_id=lesson_id))

    def lesson_states(self, pid: str) -> dict[str, LessonState]:
        with self._guard(N_("your progress")):
            docs = self._profile_db(pid).table("lessons").all()
        return {d["lesson_id"]: _lesson_state(d) for d in docs}

    def save_lesson_state(
        self,
        pid: str,
        lesson_id: str,
        *,
        step: int | None = None,
        status: str | None = None,
        add_seconds: float = 0.0,
    ) -> LessonState:
        """Move a lesson on. A step save never takes a finished lesson back to "in_progress"."""
        if status is not None and status not in LESSON_STATUSES:
            raise ValueError(f"status must be one of {LESSON_STATUSES}")
        if step is not None and step < 0:
            raise ValueError("step must be 0 or more")
        if add_seconds < 0:
            raise ValueError("add_seconds must be 0 or more")
        with self._guard(N_("your place in the lesson")):
            table = self._profile_db(pid).table("lessons")
            with table.storage.locked():
                found = table.search(_Q.lesson_id == lesson_id)
                doc = (
                    dict(found[0])
                    if found
                    else {
                        "lesson_id": lesson_id,
                        "step": 0,
                        "status": "not_started",
                        "seconds": 0.0,
                        "started": None,
                        "finished": None,
                    }
                )
                _advance(doc, step, status, add_seconds)
                table.upsert(doc, _Q.lesson_id == lesson_id)
        return _lesson_state(doc)

    # -- quizzes -----------------------------------------------------------------------------------

    def start_quiz(
        self, pid: str, lesson_id: str, question_ids: Sequence[str], already_right: Sequence[str] = ()
    ) -> None:
        """Begin a quiz attempt (the whole quiz, or a retry of some questions); it is open until its result is
        recorded. Answers recorded from now on belong to it."""
        doc = {
            "lesson_id": str(lesson_id),
            "questions": [str(q) for q in question_ids],
            "right": [str(q) for q in already_right],
            "started": to_iso(now()),
        }
        with self._guard(N_("the start of the quiz")):
            self._profile_db(pid).table("attempts").upsert(doc, _Q.lesson_id == str(lesson_id))

    def open_quiz(self, pid: str, lesson_id: str) -> OpenQuiz | None:
        """The attempt at this lesson's quiz that was begun and not finished, with its answers so far."""
        return self.open_quizzes(pid).get(lesson_id)

    def open_quizzes(self, pid: str) -> dict[str, OpenQuiz]:
        """Every quiz attempt begun and not finished, by lesson, each with its answers so far."""
        with self._guard(N_("your quizzes so far")):
            db = self._profile_db(pid)
            attempts = db.table("attempts").all()
            answers = _ordered(db.table("answers").all()) if attempts else []
        found: dict[str, OpenQuiz] = {}
        for doc in attempts:
            lesson_id, started = doc["lesson_id"], from_iso(doc["started"])
            questions = tuple(doc["questions"])
            chosen = {a["question_id"]: tuple(a["choices"]) for a in answers
                      if a["lesson_id"] == lesson_id and a["question_id"] in questions and from_iso(a["at"]) >= started}
            found[lesson_id] = OpenQuiz(lesson_id, questions, tuple(doc["right"]), chosen, started)
        return found

    def record_quiz_result(self, pid: str, lesson_id: str, score: int, total: int, passed: bool) -> QuizResult:
        if total < 0 or not 0 <= score <= max(total, 0):
            raise ValueError("score must be between 0 and total")
        doc = {
            "lesson_id": lesson_id,
            "score": int(score),
            "total": int(total),
            "percent": percent_of(score, total),
            "passed": bool(passed),
            "at": to_iso(now()),
        }
        with self._guard(N_("your quiz result")):
            db = self._profile_db(pid)
            db.table("quizzes").insert(doc)
            attempts = db.table("attempts")
            if attempts.search(_Q.lesson_id == lesson_id):
                attempts.remove(_Q.lesson_id == lesson_id)  # the attempt is finished
        return _quiz(doc)

    def quiz_results(self, pid: str) -> list[QuizResult]:
        with self._guard(N_("your quiz results")):
            docs = _ordered(self._profile_db(pid).table("quizzes").all())
        return [_quiz(d) for d in docs]

    def best_quiz_result(self, pid: str, lesson_id: str) -> QuizResult | None:
        results = [r for r in self.quiz_results(pid) if r.lesson_id == lesson_id]
        # highest percent; among equals, the latest
        return max(reversed(results), key=lambda r: r.percent, default=None)

    # -- preferences -------------------------------------------------------------------------------

    def preferences(self, pid: str) -> dict[str, str]:
        with self._guard(N_("your settings")):
            docs = _ordered(self._profile_db(pid).table("prefs").all())
        return {d["key"]: d["value"] for d in docs}

    def set_preference(self, pid: str, key: str, value: str) -> None:
        with self._guard(N_("your setting")):
            self._profile_db(pid).table("prefs").upsert({"key": str(key), "value": str(value)}, _Q.key == str(key))


def _advance(doc: dict[str, Any], step: int | None, status: str | None, add_seconds: float) -> None:
    stamp = to_iso(now())
    if step is not None:
        doc["step"] = int(step)
    if status is None and step is not None and doc["status"] == "not_started":
        status = "in_progress"
    if status is not None:
        doc["status"] = status
        if status in ("in_progress", "done") and doc.get("started") is None:
            doc["started"] = stamp
        if status == "done" and doc.get("finished") is None:
            doc["finished"] = stamp
        if status != "done":
            doc["finished"] = None
    doc["seconds"] = float(doc["seconds"]) + float(add_seconds)
