"""Reading a step's facilitator notes: the suggested time and the questions to ask the room."""

from __future__ import annotations

import re

from course.content.model import Step

# "10 minutes. ...", "About 4 minutes in all.", "Role-play (15 minutes). ..."
_LEADING = re.compile(r"^\s*(?:about\s+)?(\d{1,3})\s+minutes?\b", re.IGNORECASE)
_LABELLED = re.compile(r"^\s*[A-Z][\w ,'-]{0,40}\((?:about\s+)?(\d{1,3})\s+minutes?\)", re.IGNORECASE)
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{3,300}?\?)[\"\u201d]")


def suggested_minutes(facilitator: str) -> int | None:
    """The time the notes suggest for this step, when they start by saying so."""
    for pattern in (_LEADING, _LABELLED):
        found = pattern.match(facilitator)
        if found:
            return int(found.group(1))
    return None


def discussion_questions(step: Step) -> list[str]:
    """Questions for the room: quoted questions in the facilitator notes, then the step's reflection prompts."""
    questions: list[str] = []
    for found in _QUOTED.finditer(step.facilitator):
        text = " ".join(found.group(1).split())
        if text not in questions:
            questions.append(text)
    for reflection in step.reflections:
        text = " ".join(reflection.prompt.split())
        if text not in questions:
            questions.append(text)
    return questions
