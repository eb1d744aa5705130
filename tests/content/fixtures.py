"""A small valid course to copy and break, one rule at a time."""

from __future__ import annotations

from pathlib import Path

LESSON = """\
---
id: sample-lesson
title: A Sample Lesson
order: 1
minutes: 10
summary: A short lesson used by the tests.
objectives:
  - Read a step
  - Answer a question
sources:
  - "Example A. A Book About Families. Publisher; 2020."
---

# A Sample Lesson

This first step says why the lesson matters. It is short and plain.

## The second step

Here is the second step. It has a list:

- one thing
- another thing

::: reflect
What would you like to try?
:::

::: facilitator
Ask the group what they noticed. 10 minutes.
:::

## Try this week

Pick one small thing and do it.
"""

QUIZ = """\
---
lesson: sample-lesson
pass_mark: 80
---

## First question {#first}
Your son comes home on time. What do you say?

- [ ] Nothing.
  > Silence misses a chance to notice the good.
- [x] "I liked having dinner with you tonight."
  > Specific praise rewards the change.

> Why it matters: noticing the good helps.

## Second question
Choose all that apply.

- [x] One
  > Right.
- [x] Two
  > Also right.
- [ ] Three
  > Not this one.
"""


# The same lesson and quiz in Spanish: the same id, steps, journal prompts, question ids and right answers.
LESSON_ES = """\
---
id: sample-lesson
title: Una lección de ejemplo
order: 1
minutes: 10
summary: Una lección corta para las pruebas.
objectives:
  - Leer un paso
  - Contestar una pregunta
sources:
  - "Example A. A Book About Families. Publisher; 2020."
---

# Una lección de ejemplo

Este primer paso dice por qué importa la lección. Es corto y claro.

## El segundo paso

Este es el segundo paso. Tiene una lista:

- una cosa
- otra cosa

::: reflect
¿Qué le gustaría probar?
:::

::: facilitator
Pregunte al grupo qué notó. Diez minutos.
:::

## Para probar esta semana

Elija una cosa pequeña y hágala.
"""

QUIZ_ES = """\
---
lesson: sample-lesson
pass_mark: 80
---

## Primera pregunta {#first}
Su hijo llega a casa a tiempo. ¿Qué le dice?

- [ ] Nada.
  > Si no dice nada, pierde la ocasión de notar lo bueno.
- [x] "Me gustó cenar contigo esta noche."
  > Un elogio concreto premia el cambio.

> Por qué importa: notar lo bueno ayuda.

## Segunda pregunta {#second-question}
Elija todas las que correspondan.

- [x] Una
  > Correcto.
- [x] Dos
  > También es correcto.
- [ ] Tres
  > Esta no.
"""


def make_content(root: Path, lesson: str = LESSON, quiz: str | None = QUIZ,
                 lesson_name: str = "01-sample-lesson.md", quiz_name: str = "sample-lesson.md",
                 language: str = "") -> Path:
    """A content folder at ``root`` with one lesson and its quiz; ``language`` "es" puts them in the ``es``
    folders (``lessons/es/``, ``quizzes/es/``), where a translation goes."""
    lessons, quizzes = root / "lessons" / language, root / "quizzes" / language
    lessons.mkdir(parents=True, exist_ok=True)
    quizzes.mkdir(parents=True, exist_ok=True)
    (lessons / lesson_name).write_text(lesson, encoding="utf-8")
    if quiz is not None:
        (quizzes / quiz_name).write_text(quiz, encoding="utf-8")
    return root


def make_pair(root: Path, lesson_es: str = LESSON_ES, quiz_es: str | None = QUIZ_ES) -> Path:
    """The sample lesson and quiz in English, and their Spanish translation beside them."""
    make_content(root)
    return make_content(root, lesson_es, quiz_es, language="es")
