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
