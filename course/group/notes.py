"""Reading a lesson's facilitator notes: how long the group plans to take, the time suggested for each step, and
the questions to ask the room."""

from __future__ import annotations

import re

from course.content.model import Lesson, Step

# The notes are written in English or in Spanish ("10 minutos.", "Unos 4 minutos en total.", "Juego de roles
# (15 minutos).", "Introducción, 5 minutos.", "Sesión completa: unos 80 minutos ...").
_ABOUT = r"(?:(?:about|unos?)\s+)?"
_MINUTES = r"minut(?:es?|os?)\b"
_CAPITAL = "[A-Z\u00c1\u00c9\u00cd\u00d3\u00da\u00d1]"  # a label's first letter, accented in Spanish
# "10 minutes. ...", "About 4 minutes in all.", "Role-play (15 minutes). ...", "Intro, 5 minutes. ..."
_LEADING = re.compile(rf"^\s*{_ABOUT}(\d{{1,3}})\s+{_MINUTES}", re.IGNORECASE)
_LABELLED = re.compile(rf"^\s*{_CAPITAL}[\w ,'-]{{0,40}}\({_ABOUT}(\d{{1,3}})\s+{_MINUTES}\)",
                       re.IGNORECASE)
_NAMED = re.compile(rf"^\s*{_CAPITAL}[\w '-]{{0,40}},\s*{_ABOUT}(\d{{1,3}})\s+{_MINUTES}",
                    re.IGNORECASE)
# A whole-session plan: "This lesson plans for a 75-minute group: intro 10 minutes, ...",
# "Whole session: about 80 minutes (5 + 10 + ...)", "... para un grupo de 75 minutos: ...",
# "Sesión completa: unos 80 minutos (...)".
_PLAN = re.compile(rf"(\d{{1,3}})-minute group|grupo de (\d{{1,3}}) minutos"
                   rf"|(?:whole session|sesi\u00f3n completa):?\s*{_ABOUT}(\d{{1,3}})\s+{_MINUTES}", re.IGNORECASE)
_PLANNED_INTRO = re.compile(rf"\b(?:intro(?:duction)?|introducci\u00f3n),?\s+(\d{{1,3}})\s+{_MINUTES}",
                            re.IGNORECASE)
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{3,300}?\?)[\"\u201d]")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def suggested_minutes(facilitator: str) -> int | None:
    """The time the notes suggest for this step, when they start by saying so.

    A first step's notes often start with the plan for the whole session; then the step's own time is the plan's
    "intro N minutes", or what the next paragraph starts with ("Opening (5 minutes): ...", "Intro, 5 minutes.").
    """
    paragraphs = _paragraphs(facilitator)
    if paragraphs and _PLAN.search(paragraphs[0]):
        intro = _PLANNED_INTRO.search(paragraphs[0])
        if intro:
            return int(intro.group(1))
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return None
    for pattern in (_LEADING, _LABELLED, _NAMED):
        found = pattern.match(paragraphs[0])
        if found:
            return int(found.group(1))
    return None


def group_minutes(lesson: Lesson) -> int:
    """How long the lesson takes as a group session: the plan its facilitator notes state, else the sum of the
    times they suggest for its steps, else the lesson's own reading time."""
    for step in lesson.steps:
        plan = _PLAN.search(step.facilitator)
        if plan:
            return int(next(found for found in plan.groups() if found))
    suggested = [suggested_minutes(step.facilitator) for step in lesson.steps]
    if any(suggested):
        return sum(minutes or 0 for minutes in suggested)
    return lesson.minutes


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
