"""Loading a whole course from content directories, with the checks that span files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from course.content.dirs import ContentDir
from course.content.languages import DEFAULT_LANGUAGE, check_language, subfolder
from course.content.model import Course, Diagnostic, Lesson, Quiz, Severity, Unavailable

if TYPE_CHECKING:
    from course.content.source import Collector


def _title_guess(path: Path) -> str:
    return path.stem.lstrip("0123456789-_").replace("-", " ").strip().capitalize() or path.name


def _first_error(report: Collector) -> str:
    return next(d.message for d in report.items if d.severity is Severity.ERROR)


def _files(content: ContentDir, kind: str, language: str) -> list[tuple[Path, str, str]]:
    """(path, name in messages, language) of each file of ``kind`` to read for ``language``: the files of its
    folder (``lessons/es``), then each English file that has no file of the same name there."""
    if language == DEFAULT_LANGUAGE:
        return [(path, display, language) for path, display in content.files(kind)]
    translated = content.files(kind, language)
    names = {path.name for path, _ in translated}
    return ([(path, display, language) for path, display in translated]
            + [(path, display, DEFAULT_LANGUAGE) for path, display in content.files(kind) if path.name not in names])


def load_course(dirs: Sequence[ContentDir] | None = None, language: str = DEFAULT_LANGUAGE) -> Course:
    """Every lesson and quiz of the given content dirs (the shipped course when none), in ``language``. Later dirs
    override earlier ones by lesson id. Problems become diagnostics and unavailable lessons, never exceptions.

    English is read from ``lessons/`` and ``quizzes/``, another language from its folder inside them
    (``lessons/es/``, ``quizzes/es/``); a lesson or quiz with no file of the same name there is read in English,
    so a content folder that is not (yet) translated still adds its lessons. An unknown language is a ValueError.
    """
    # Imported here, not at the top: the parsers (markdown-it, YAML) are not needed to start the app.
    from course.content.lessons import parse_lesson
    from course.content.quizzes import parse_quiz
    from course.content.source import Collector

    check_language(language)
    dirs = [ContentDir.shipped()] if dirs is None else list(dirs)
    diagnostics: list[Diagnostic] = []
    lessons: dict[str, Lesson] = {}
    unavailable: list[Unavailable] = []
    broken_ids: set[str] = set()
    files: dict[str, Lesson | Quiz] = {}

    origin: dict[str, int] = {}  # lesson id -> index of the content dir it comes from
    for number, content in enumerate(dirs):
        if not content.path.is_dir():
            diagnostics.append(Diagnostic(content.given, None, Severity.ERROR, "content folder not found"))
            continue
        if not (content.path / "lessons").is_dir():
            diagnostics.append(Diagnostic(os.path.join(content.given, "lessons"), None, Severity.ERROR,
                                          "no lessons folder in this content folder"))
        seen: dict[str, Lesson] = {}
        for path, display, written_in in _files(content, "lessons", language):
            report = Collector(display)
            lesson = parse_lesson(path, display, report, language=written_in)
            diagnostics.extend(report.items)
            if lesson is None:
                broken_ids.add(path.stem)
                unavailable.append(Unavailable(display, _title_guess(path), None, _first_error(report)))
                continue
            files[display] = lesson
            if lesson.id in seen and written_in != language and seen[lesson.id].language == language:
                continue  # an English lesson translated under another file name: the translation is shown
            if lesson.id in seen:
                diagnostics.append(Diagnostic(display, 2, Severity.ERROR,
                                              f"duplicate id '{lesson.id}' (also in {seen[lesson.id].path})"))
                unavailable.append(Unavailable(display, lesson.title, lesson.order, f"duplicate id '{lesson.id}'"))
            else:
                seen[lesson.id] = lesson
        lessons.update(seen)
        origin.update(dict.fromkeys(seen, number))

    quizzes: dict[str, tuple[Quiz | None, str, str]] = {}  # lesson id -> quiz, why it is unusable, its file
    for content in dirs:
        # English files first, so that a translation (under any file name) replaces its English quiz
        for path, display, written_in in sorted(_files(content, "quizzes", language),
                                                key=lambda found: found[2] == language):
            report = Collector(display)
            quiz = parse_quiz(path, display, report, language=written_in)
            diagnostics.extend(report.items)
            if quiz is not None:
                files[display] = quiz
            lesson_id = quiz.lesson_id if quiz is not None else path.stem
            if quiz is not None and lesson_id not in lessons:
                if not any(lesson_id == stem or stem.endswith(f"-{lesson_id}") for stem in broken_ids):
                    diagnostics.append(Diagnostic(display, 2, Severity.ERROR,
                                                  f"quiz names an unknown lesson '{lesson_id}'"))
                continue
            quizzes[lesson_id] = (quiz, "" if quiz is not None else _first_error(report), display)

    final: list[Lesson] = []
    by_order: dict[int, Lesson] = {}
    used = {lesson.order for lesson in lessons.values()}
    for lesson in sorted(lessons.values(), key=lambda item: (item.order, item.id)):
        if lesson.order in by_order:
            diagnostics.append(_order_clash(lesson, by_order[lesson.order], origin, used))
        by_order.setdefault(lesson.order, lesson)
        quiz, reason, quiz_path = quizzes.get(lesson.id, (None, "", ""))
        if not lesson.wants_quiz and quiz_path:
            diagnostics.append(Diagnostic(quiz_path, 2, Severity.WARNING,
                                          f"this quiz is not used: its lesson ({lesson.path}) says 'quiz: false'"))
        if lesson.wants_quiz:
            if quiz is None and not reason:
                reason = "this lesson has no quiz"
                where = "/".join(part for part in ("quizzes", subfolder(lesson.language), f"{lesson.id}.md") if part)
                diagnostics.append(Diagnostic(lesson.path, 2, Severity.ERROR,
                                              f"no quiz: add {where}, or set 'quiz: false'"))
            lesson = replace(lesson, quiz=quiz, quiz_problem=f"The quiz is unavailable: {reason}" if reason else "")
        final.append(lesson)
    unavailable.sort(key=lambda u: (u.order if u.order is not None else 1_000_000, u.path))
    return Course(lessons=tuple(final), unavailable=tuple(unavailable), diagnostics=tuple(diagnostics),
                  language=language, files=files)


def _order_clash(lesson: Lesson, other: Lesson, origin: dict[str, int], used: set[int]) -> Diagnostic:
    """Two lessons with one ``order``. In one folder that is an error; across folders (a clinic's lesson and a
    built-in one, say) a warning on the lesson from the later folder, the one its author can renumber."""
    if origin.get(lesson.id) == origin.get(other.id):
        return Diagnostic(lesson.path, lesson.order_line, Severity.ERROR,
                          f"duplicate order {lesson.order} (also used by {other.path})")
    later, earlier = (lesson, other) if origin.get(lesson.id, 0) >= origin.get(other.id, 0) else (other, lesson)
    free = sorted(sorted((n for n in range(max(1, later.order - 50), later.order + 50) if n not in used),
                         key=lambda n: abs(n - later.order))[:3])
    hint = f" (numbers not used near it: {', '.join(map(str, free))})" if free else ""
    return Diagnostic(later.path, later.order_line, Severity.WARNING,
                      f"order {later.order} is also used by {earlier.path}: both are listed, sorted by id; give "
                      f"this lesson a number no other lesson uses{hint}")
