"""Grading a quiz attempt: which answers were right, the score, and what to review or retry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from course.content.model import Question, Quiz


def percent_of(score: int, total: int) -> int:
    """Whole percent, halves rounded up (7 of 8 is 88%), the same rule the store uses."""
    return (score * 100 + total // 2) // total if total > 0 else 0


@dataclass(frozen=True)
class Outcome:
    question: Question
    chosen: frozenset[str]

    @property
    def correct(self) -> bool:
        return self.question.is_correct(self.chosen)


@dataclass
class Attempt:
    """One pass through a quiz, or through the questions missed last time (a retry).

    A retry keeps the questions already answered right, so the score is always out of the whole quiz.
    """

    quiz: Quiz
    question_ids: tuple[str, ...]
    already_right: frozenset[str] = frozenset()
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    @classmethod
    def full(cls, quiz: Quiz) -> Attempt:
        return cls(quiz, tuple(q.id for q in quiz.questions))

    @classmethod
    def resumed(cls, quiz: Quiz, question_ids: Iterable[str], already_right: Iterable[str],
                answers: dict[str, tuple[str, ...]]) -> Attempt | None:
        """An attempt begun earlier, with the answers given so far; None if the quiz has changed too much since.

        Questions removed from the quiz since are left out; answers naming options that no longer exist are
        dropped (those questions are asked again).
        """
        known = {question.id: question for question in quiz.questions}
        kept = tuple(qid for qid in question_ids if qid in known)
        if not kept:
            return None
        attempt = cls(quiz, kept, frozenset(qid for qid in already_right if qid in known))
        for qid, chosen in answers.items():
            options = {option.key for option in known[qid].options} if qid in known else set()
            if qid in kept and chosen and set(chosen) <= options:
                attempt.answer(qid, chosen)
        return attempt

    def first_unanswered(self) -> int:
        """The position of the first question not answered yet (the number of questions if all are)."""
        return next((n for n, qid in enumerate(self.question_ids) if qid not in self.outcomes),
                    len(self.question_ids))

    def retry(self) -> Attempt:
        """A new attempt at the questions this one missed."""
        right = self.already_right | {qid for qid, o in self.outcomes.items() if o.correct}
        missed = tuple(qid for qid in self.question_ids if qid not in right)
        return Attempt(self.quiz, missed, frozenset(right))

    @property
    def questions(self) -> list[Question]:
        return [self.quiz.question(qid) for qid in self.question_ids]

    def answer(self, question_id: str, chosen: Iterable[str]) -> Outcome:
        outcome = Outcome(self.quiz.question(question_id), frozenset(chosen))
        self.outcomes[question_id] = outcome
        return outcome

    @property
    def finished(self) -> bool:
        return all(qid in self.outcomes for qid in self.question_ids)

    @property
    def total(self) -> int:
        return len(self.quiz.questions)

    @property
    def score(self) -> int:
        return len(self.already_right) + sum(o.correct for o in self.outcomes.values())

    @property
    def percent(self) -> int:
        return percent_of(self.score, self.total)

    @property
    def passed(self) -> bool:
        return self.percent >= self.quiz.pass_mark

    def missed(self) -> list[Outcome]:
        return [self.outcomes[qid] for qid in self.question_ids if qid in self.outcomes
                and not self.outcomes[qid].correct]
