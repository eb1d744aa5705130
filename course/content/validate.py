"""``family-course validate``: check content folders and print ``path:line: severity: message`` lines.

Every language a checked folder has a folder for (``lessons/es``, ``quizzes/es``) is checked too: its files as
files, its lessons against the writing standards (with the INFLESZ score for Spanish instead of the Flesch-Kincaid
grade), and each translation against its English file (``translation_findings``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from course.content.dirs import ContentDir
from course.content.languages import DEFAULT_LANGUAGE, LANGUAGES, NAMES_IN_ENGLISH
from course.content.loader import load_course
from course.content.model import Course, Diagnostic, Lesson, Question, Quiz, Severity
from course.content.readability import inflesz_label, measure
from course.content.source import KEY_LINE

MAX_GRADE = 8.0  # Flesch-Kincaid grade, English
MIN_INFLESZ = 65.0  # INFLESZ score, Spanish: "bastante fácil" (65 to 80) or easier
STEPS = (5, 8)
KIOSK_STEPS = (2, 4)
STEP_WORDS = (80, 250)
# A translation takes more words than its English: the built-in Spanish steps have 13% more words than the English
# ones overall, and up to 36% more in a step at the English limit (a helpline's Spanish service spelt out, "una
# persona de apoyo" for "an advocate"). 340 words lets a faithful translation of a 250-word step through.
LONGER_STEPS = {"es": 340}
QUESTIONS = (6, 10)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # a message is one line: a newline in one is shown, too
KINDS = ("lessons", "quizzes")


def _words(markdown: str) -> int:
    return len([w for w in markdown.split() if any(c.isalnum() for c in w)])


def reading_grade(lesson: Lesson) -> float:
    """The Flesch-Kincaid grade of the lesson's learner-facing text, to one decimal (0 when it has none).

    Measured here, not when the course loads: pyphen's dictionary and the syllable count took about a third of
    loading the course, at every start, for a figure only this check reads."""
    return round(measure(lesson.prose).grade, 1) if lesson.prose.strip() else 0.0


def reading_score(lesson: Lesson) -> float:
    """The INFLESZ score of a Spanish lesson's learner-facing text, to one decimal (0 when it has none)."""
    return round(measure(lesson.prose, "es").inflesz, 1) if lesson.prose.strip() else 0.0


def reading_level(lesson: Lesson) -> str:
    """The reading level as ``--grades`` prints it: "grade 6.1" (English), "INFLESZ 78.0 (bastante fácil)"."""
    if lesson.language == "es":
        score = reading_score(lesson)
        return f"INFLESZ {score:.1f} ({inflesz_label(score)})"
    return f"grade {reading_grade(lesson):.1f}"


def step_words(language: str) -> int:
    """The most words a step should have in ``language``."""
    return LONGER_STEPS.get(language, STEP_WORDS[1])


def standards(lesson: Lesson) -> list[Diagnostic]:
    """Warnings for a lesson that loads but misses the course's writing standards."""
    found: list[Diagnostic] = []

    def warn(message: str, line: int = 1) -> None:
        found.append(Diagnostic(lesson.path, line, Severity.WARNING, message))

    if lesson.language == "es":
        score = reading_score(lesson)
        if lesson.prose.strip() and score < MIN_INFLESZ:
            warn(f"reading score {score:.1f} is below {MIN_INFLESZ:.0f} (INFLESZ, learner-facing text: "
                 f"'{inflesz_label(score)}'): aim for 'bastante fácil' (65 to 80) or easier, with shorter sentences "
                 "and shorter, everyday words")
    else:
        grade = reading_grade(lesson)
        if grade > MAX_GRADE:
            warn(f"reading grade {grade:.1f} is above {MAX_GRADE:.0f} (Flesch-Kincaid, learner-facing text): use "
                 "shorter sentences and common words")
    low, high = KIOSK_STEPS if lesson.kiosk else STEPS
    if not low <= len(lesson.steps) <= high:
        warn(f"{len(lesson.steps)} steps; a {'kiosk ' if lesson.kiosk else ''}lesson should have {low} to {high}")
    limit = step_words(lesson.language)
    longer = (f" ({NAMES_IN_ENGLISH[lesson.language]}; {STEP_WORDS[1]} in English)"
              if limit != STEP_WORDS[1] else "")
    for step in lesson.steps:
        count = _words(step.body) + sum(_words(r.prompt) for r in step.reflections)
        if count > limit:
            warn(f"step '{step.title}' has {count} words; keep each step under {limit}{longer}", step.line)
    if not any(step.reflections for step in lesson.steps) and not lesson.kiosk:
        warn("no '::: reflect' prompt: add one question for the learner's journal")
    if lesson.quiz is not None and not QUESTIONS[0] <= len(lesson.quiz.questions) <= QUESTIONS[1]:
        found.append(Diagnostic(lesson.quiz.path, 1, Severity.WARNING,
                                f"{len(lesson.quiz.questions)} questions; a quiz should have "
                                f"{QUESTIONS[0]} to {QUESTIONS[1]}"))
    return found


def check(dirs: Sequence[ContentDir] | None = None,
          context: Sequence[ContentDir] = ()) -> tuple[dict[str, Course], list[Diagnostic]]:
    """Load ``dirs`` on top of ``context`` (the folders they will be used with, such as the built-in course) in
    English and in every language ``dirs`` have a folder for, and return each course by language and the findings
    about the files of ``dirs``; the context's own findings are left out."""
    dirs = [ContentDir.shipped()] if dirs is None else list(dirs)
    checked = {_where(d) for d in dirs}
    context = [c for c in context if _where(c) not in checked]
    every = [*context, *dirs]
    languages = [language for language in LANGUAGES
                 if language == DEFAULT_LANGUAGE or any(language in d.translations() for d in dirs)]
    courses = {language: load_course(every, language) for language in languages}
    # An English file read for another language (it has no translation yet) is checked in English only: in another
    # language its findings would be the same, or name the other language's files for the same clash.
    english = {display for content in every for kind in KINDS for _, display in content.files(kind)}
    found: list[Diagnostic] = []
    for language, course in courses.items():
        found.extend(d for d in course.diagnostics if language == DEFAULT_LANGUAGE or d.path not in english)
        for lesson in course.lessons:
            if lesson.language == language:  # a lesson read in English for another language is checked once
                found.extend(standards(lesson))
        if language != DEFAULT_LANGUAGE:
            found.extend(translation_findings(every, courses[DEFAULT_LANGUAGE], course))
    found.extend(_unread_folders(every))
    found = list(dict.fromkeys(found))  # a finding about a folder, met in every language, is reported once
    if context:
        mine = _files(dirs)
        found = [d for d in found if d.path in mine]
    return courses, found


def _where(content: ContentDir) -> str:
    return os.path.realpath(content.path)


def _languages(content: ContentDir) -> list[str]:
    return [DEFAULT_LANGUAGE, *content.translations()]


def _files(dirs: Sequence[ContentDir]) -> set[str]:
    """The names used in messages for every file and folder of ``dirs``, in every language."""
    names: set[str] = set()
    for content in dirs:
        names |= {content.given, os.path.join(content.given, "lessons")}
        names |= {display for language in _languages(content) for kind in KINDS
                  for _, display in content.files(kind, language)}
        names |= {folder for kind in KINDS for folder in content.other_folders(kind)}
    return names


def _in_file_order(found: list[Diagnostic], dirs: Sequence[ContentDir]) -> list[Diagnostic]:
    """Findings grouped by file, each file's by line (whole-file ones first). Files come as in their folders:
    each folder, then its lessons, then its quizzes, then the same for each translation; any other file after them,
    as first met."""
    rank: dict[str, int] = {}
    for content in dirs:
        for name in (content.given, os.path.join(content.given, "lessons")):
            rank.setdefault(name, len(rank))
        for language in _languages(content):
            for kind in KINDS:
                for _, display in content.files(kind, language):
                    rank.setdefault(display, len(rank))
    for diagnostic in found:
        rank.setdefault(diagnostic.path, len(rank))
    return sorted(found, key=lambda d: (rank[d.path], d.line or 0))


# -- translations ------------------------------------------------------------------------------------------------


def translation_findings(dirs: Sequence[ContentDir], english: Course, translated: Course) -> list[Diagnostic]:
    """Errors for the translation into ``translated.language`` of each content folder that has one: an English
    file with no translation of the same name, a translation with no English file, and a pair that does not
    share what saved data hangs on (lesson id, order, steps, journal prompts, question ids and order, right
    answers, pass mark). A file that could not be read is left out: its errors are reported already."""
    language = translated.language
    found: list[Diagnostic] = []
    for content in dirs:
        if language not in content.translations():
            continue
        for kind in KINDS:
            what = "lesson" if kind == "lessons" else "quiz"
            originals = {path.name: display for path, display in content.files(kind)}
            translations = {path.name: (path, display) for path, display in content.files(kind, language)}
            folder = content.folder(kind, language)[1]
            for name, display in originals.items():
                if name not in translations:
                    found.append(Diagnostic(display, None, Severity.ERROR, (
                        f"no {NAMES_IN_ENGLISH[language]} translation: add {os.path.join(folder, name)}, with the "
                        f"same file name (until then the {what} is shown in English)")))
            for name, (path, display) in translations.items():
                if name not in originals:
                    found.append(Diagnostic(display, None, Severity.ERROR, (
                        f"no English {what} of this name ({os.path.join(content.folder(kind)[1], name)}): a "
                        "translation has the same file name as the English file it translates")))
                    continue
                first, second = english.files.get(originals[name]), translated.files.get(display)
                if isinstance(first, Lesson) and isinstance(second, Lesson):
                    found.extend(_lesson_pair(first, second, _field_lines(path)))
                elif isinstance(first, Quiz) and isinstance(second, Quiz):
                    found.extend(_quiz_pair(first, second, _field_lines(path)))
    return found


def _field_lines(path: Path) -> dict[str, int]:
    """The line of each front-matter field of a file that was read without errors."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[str, int] = {}
    for number, line in enumerate(lines[1:], 2):
        if line.strip() == "---":
            break
        match = KEY_LINE.match(line)
        if match is not None:
            found.setdefault(match.group(1), number)
    return found


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'s' * (number != 1)}"


def _lesson_pair(original: Lesson, translation: Lesson, lines: dict[str, int]) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def error(line: int, message: str) -> None:
        found.append(Diagnostic(translation.path, line, Severity.ERROR, message))

    theirs = "the English lesson's"
    if translation.id != original.id:
        error(lines.get("id", 1), f"id '{translation.id}' differs from {theirs} id '{original.id}' ({original.path}): "
                                  "a translation keeps the English id, so progress and journal answers carry over")
    if translation.order != original.order:
        error(translation.order_line, f"order {translation.order} differs from {theirs} order {original.order} "
                                      f"({original.path}): keep the English order, so the course map is the same "
                                      "in every language")
    for name, mine, english in (("kiosk", translation.kiosk, original.kiosk),
                                ("quiz", translation.wants_quiz, original.wants_quiz)):
        if mine != english:
            error(lines.get(name, 1), f"{name}: {_flag(mine)} differs from {theirs} {name}: {_flag(english)} "
                                      f"({original.path}): a translation keeps it, so every language has the same "
                                      f"{'kiosk lessons' if name == 'kiosk' else 'quizzes'}")
    steps, english_steps = translation.steps, original.steps
    if len(steps) != len(english_steps) and steps:
        at = steps[len(english_steps)] if len(steps) > len(english_steps) else steps[-1]
        error(at.line, f"{len(steps)} steps; the English lesson ({original.path}) has {len(english_steps)}: a "
                       "translation keeps every step, in the same order, so journal answers stay with their step")
    for step, english_step in zip(steps, english_steps, strict=False):
        prompts, english_prompts = len(step.reflections), len(english_step.reflections)
        if prompts != english_prompts:
            error(step.line, f"step {step.number} has {_plural(prompts, 'journal prompt')} (::: reflect); the English "
                             f"step {step.number} has {english_prompts}: a translation keeps each one in its step, so "
                             "journal answers carry over")
    return found


def _right(question: Question) -> str:
    keys = sorted(question.correct_keys)
    right = ", ".join(keys[:-1]) + " and " + keys[-1] if len(keys) > 1 else (keys[0] if keys else "none")
    return f"{right} right of {_plural(len(question.options), 'option')}"


def _quiz_pair(original: Quiz, translation: Quiz, lines: dict[str, int]) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def error(line: int, message: str) -> None:
        found.append(Diagnostic(translation.path, line, Severity.ERROR, message))

    if translation.lesson_id != original.lesson_id:
        error(lines.get("lesson", 1), f"lesson '{translation.lesson_id}' differs from the English quiz's lesson "
                                      f"'{original.lesson_id}' ({original.path})")
    if translation.pass_mark != original.pass_mark:
        error(lines.get("pass_mark", 1), f"pass_mark {translation.pass_mark} differs from the English quiz's "
                                         f"pass_mark {original.pass_mark} ({original.path})")
    english_ids = [q.id for q in original.questions]
    ids = [q.id for q in translation.questions]
    suggested: set[str] = set()
    for number, question in enumerate(translation.questions):
        if question.id in english_ids:
            continue
        hint = english_ids[number] if number < len(english_ids) and english_ids[number] not in ids else ""
        suggested.add(hint)
        advice = (f"give this heading {{#{hint}}}, like the English question it translates" if hint else
                  "give its heading the {#id} of the English question it translates")
        error(question.line, f"question id '{question.id}' is not in the English quiz ({original.path}): a "
                             f"translated question keeps the English id; {advice}")
    for number, english_question in enumerate(original.questions):
        if english_question.id in ids or english_question.id in suggested:
            continue
        near = translation.questions[max(min(number, len(ids)) - 1, 0)].line if ids else 1
        error(near, f"the English question '{english_question.id}' ({original.path}:{english_question.line}) has "
                    f"no translation here: add it, with {{#{english_question.id}}} after its heading")
    shared = [question_id for question_id in ids if question_id in english_ids]
    english_shared = [question_id for question_id in english_ids if question_id in ids]
    for question in translation.questions:
        if question.id not in english_ids:
            continue
        english_question = original.question(question.id)
        if shared.index(question.id) != english_shared.index(question.id):
            error(question.line, f"question '{question.id}' is number {ids.index(question.id) + 1} here and number "
                                 f"{english_ids.index(question.id) + 1} in the English quiz: keep the English order "
                                 "(the group quiz shows the questions by number)")
        if (len(question.options) != len(english_question.options)
                or question.correct_keys != english_question.correct_keys):
            error(question.line, f"the options differ from the English question's ({original.path}:"
                                 f"{english_question.line}): here {_right(question)}, there {_right(english_question)}"
                                 "; a translation keeps the options in the same order, with the same ones right")
    return found


def _unread_folders(dirs: Iterable[ContentDir]) -> list[Diagnostic]:
    codes = ", ".join(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
    return [Diagnostic(folder, None, Severity.WARNING, "this folder is not read: a translation goes in a folder "
                                                       f"named by its language code ({codes})")
            for content in dirs for kind in KINDS for folder in content.other_folders(kind)]


def _count(number: int, word: str) -> str:
    if word.endswith("z"):
        return f"{number} {word}{'zes' * (number != 1)}"
    return f"{number} {word}{'s' * (number != 1)}"


def summary(dirs: Sequence[ContentDir], courses: dict[str, Course], found: list[Diagnostic]) -> str:
    """One line: the files checked (in every language), the errors and warnings and how many files have them, what
    is ready to use."""
    lesson_files = {display for content in dirs for language in courses
                    for _, display in content.files("lessons", language)}
    quiz_files = {display for content in dirs for language in courses
                  for _, display in content.files("quizzes", language)}
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING):
        mine = [d for d in found if d.severity is severity]
        where = {d.path for d in mine}
        parts.append(_count(len(mine), str(severity)) + (f" in {_count(len(where), 'file')}" if mine else ""))
    lessons = [lesson for language, course in courses.items() for lesson in course.lessons
               if lesson.path in lesson_files and lesson.language == language]
    quizzes = [lesson.quiz for language, course in courses.items() for lesson in course.lessons
               if lesson.quiz is not None and lesson.quiz.path in quiz_files and lesson.quiz.language == language]
    languages = f", in {' and '.join(NAMES_IN_ENGLISH[language] for language in courses)}" if len(courses) > 1 else ""
    return (f"{_count(len(lesson_files), 'lesson file')} and {_count(len(quiz_files), 'quiz file')} checked"
            f"{languages}: {', '.join(parts)}; {_count(len(lessons), 'lesson')} and {_count(len(quizzes), 'quiz')} "
            "ready to use")


def printable(text: str) -> str:
    """Text from a content file made safe to print: control characters shown as escapes, not obeyed."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def run(dirs: Sequence[ContentDir] | None, *, strict: bool, grades: bool, out: TextIO,
        context: Sequence[ContentDir] = ()) -> int:
    """Print the findings and a summary; return the exit code (0 clean, 1 errors). ``context``: folders the
    checked ones are used with (see ``check``)."""
    dirs = [ContentDir.shipped()] if dirs is None else list(dirs)
    courses, found = check(dirs, context)
    if strict:
        found = [Diagnostic(d.path, d.line, Severity.ERROR, d.message) for d in found]
    for diagnostic in _in_file_order(found, dirs):
        print(printable(str(diagnostic)), file=out)
    if grades:
        for language, course in courses.items():
            lesson_files = {display for content in dirs for _, display in content.files("lessons", language)}
            for lesson in course.lessons:
                if lesson.path not in lesson_files or lesson.language != language:
                    continue
                steps = len(lesson.steps)
                questions = len(lesson.quiz.questions) if lesson.quiz else 0
                print(printable(f"{lesson.path}: {reading_level(lesson)}, {steps} steps, {lesson.minutes} min, "
                                f"{questions} quiz questions"), file=out)
    print(printable(summary(dirs, courses, found)), file=out)
    errors = sum(d.severity is Severity.ERROR for d in found)
    return 1 if errors else 0
