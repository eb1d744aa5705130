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


def make_content(root: Path, lesson: str = LESSON, quiz: str | None = QUIZ,
                 lesson_name: str = "01-sample-lesson.md", quiz_name: str = "sample-lesson.md") -> Path:
    (root / "lessons").mkdir(parents=True, exist_ok=True)
    (root / "quizzes").mkdir(parents=True, exist_ok=True)
    (root / "lessons" / lesson_name).write_text(lesson, encoding="utf-8")
    if quiz is not None:
        (root / "quizzes" / quiz_name).write_text(quiz, encoding="utf-8")
    return root
