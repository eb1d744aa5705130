from __future__ import annotations

from pathlib import Path

from course.content import ContentDir, load_course
from tests.content.fixtures import LESSON, QUIZ, make_content


def test_valid_course_loads_steps_and_containers(tmp_path: Path) -> None:
    course = load_course([ContentDir.of(make_content(tmp_path))])
    assert course.diagnostics == ()
    lesson = course.lesson("sample-lesson")
    assert [s.title for s in lesson.steps] == ["A Sample Lesson", "The second step", "Try this week"]
    first, second, _ = lesson.steps
    assert first.body.startswith("This first step")
    assert "# A Sample Lesson" not in first.body
    assert "one thing" in second.body
    assert ":::" not in second.body and "facilitator" not in second.body
    assert "Ask the group" not in second.body
    assert second.reflections[0].prompt == "What would you like to try?"
    assert second.reflections[0].key == "sample-lesson/2/1"
    assert second.facilitator == "Ask the group what they noticed. 10 minutes."
    assert second.line == 18
    assert lesson.objectives == ("Read a step", "Answer a question")
    assert "This first step" in lesson.prose and "What would you like to try?" in lesson.prose
    assert "Ask the group" not in lesson.prose  # facilitator notes are not the learner's reading


def test_quiz_parses_options_feedback_and_ids(tmp_path: Path) -> None:
    quiz = load_course([ContentDir.of(make_content(tmp_path))]).lesson("sample-lesson").quiz
    assert quiz is not None and quiz.pass_mark == 80
    first, second = quiz.questions
    assert first.id == "first" and first.title == "First question"
    assert first.prompt == "Your son comes home on time. What do you say?"
    assert [o.key for o in first.options] == ["a", "b"]
    assert first.options[1].text == '"I liked having dinner with you tonight."'
    assert first.options[1].feedback == "Specific praise rewards the change."
    assert first.explanation == "Why it matters: noticing the good helps."
    assert not first.multiple and first.correct_keys == {"b"}
    assert first.is_correct({"b"}) and not first.is_correct({"a"})
    assert second.id == "second-question" and second.multiple
    assert second.is_correct({"a", "b"}) and not second.is_correct({"a"})


def test_content_dir_overrides_shipped_lesson_by_id(tmp_path: Path) -> None:
    base = make_content(tmp_path / "base")
    clinic = make_content(tmp_path / "clinic", LESSON.replace("title: A Sample Lesson", "title: Clinic Version"))
    course = load_course([ContentDir.of(base), ContentDir.of(clinic)])
    assert [lesson.title for lesson in course.lessons] == ["Clinic Version"]


def test_broken_lesson_is_unavailable_and_others_load(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "lessons" / "02-broken.md").write_text("no front matter here\n", encoding="utf-8")
    course = load_course([ContentDir.of(root)])
    assert [lesson.id for lesson in course.lessons] == ["sample-lesson"]
    assert len(course.unavailable) == 1
    assert course.unavailable[0].title == "Broken"
    assert "front matter is missing" in course.unavailable[0].reason


def test_broken_quiz_leaves_lesson_readable(tmp_path: Path) -> None:
    root = make_content(tmp_path, quiz=QUIZ.replace("- [x] Two", "- [ ] Two").replace("- [x] One", "- [ ] One"))
    lesson = load_course([ContentDir.of(root)]).lesson("sample-lesson")
    assert lesson.quiz is None
    assert "no correct option" in lesson.quiz_problem
    assert len(lesson.steps) == 3


def test_shipped_course_loads_without_errors() -> None:
    course = load_course()
    assert len(course.lessons) >= 2
    assert not [d for d in course.diagnostics if d.severity == "error"]
    for lesson in course.lessons:
        assert lesson.quiz is not None, lesson.id
