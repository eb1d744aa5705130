"""Lessons and quizzes as data: the model, the Markdown loader and validation. No user interface here."""

from course.content.loader import ContentDir, load_course, shipped_content_dir
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
