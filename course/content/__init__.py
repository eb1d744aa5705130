"""Lessons and quizzes as data: the model, the Markdown loader and validation. No user interface here.

The names below are loaded when first used, so that a part of the app that needs only one of them (the first
screen needs none but the fixed texts) does not wait for the model and the loader to be imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from course.content.dirs import ContentDir, shipped_content_dir
    from course.content.loader import load_course
    from course.content.model import (
        Course,
        Diagnostic,
        Lesson,
        Option,
        Question,
        Quiz,
        Reflection,
        Severity,
        Step,
        Unavailable,
    )

_WHERE = {
    "ContentDir": "dirs",
    "shipped_content_dir": "dirs",
    "load_course": "loader",
    **dict.fromkeys(["Course", "Diagnostic", "Lesson", "Option", "Question", "Quiz", "Reflection", "Severity",
                     "Step", "Unavailable"], "model"),
}

__all__ = [
    "ContentDir",
    "Course",
    "Diagnostic",
    "Lesson",
    "Option",
    "Question",
    "Quiz",
    "Reflection",
    "Severity",
    "Step",
    "Unavailable",
    "load_course",
    "shipped_content_dir",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
