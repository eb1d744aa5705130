"""The README's table of keys at home, made from the bindings: ``python -m course.ui.keys_table`` prints it.

README.md holds that output, markers included, under "Keys at home"; tests/ui/test_keys_documented.py fails when
the two differ. Each row is a line of a screen's help (``course.ui.keys.KeyHelp``), so the README, the help
dialogs and the bindings say the same.
"""

from __future__ import annotations

from course.i18n import DEFAULT_LANGUAGE, current_language, use_language
from course.ui.home.app import HomeApp
from course.ui.keys import KeyHelp, class_bindings, everywhere, keys_phrase
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.progress import ProgressScreen
from course.ui.screens.quiz import QuizResultScreen, QuizScreen
from course.ui.screens.reader import ReaderScreen
from course.ui.screens.settings import SettingsScreen
from course.ui.screens.welcome import WelcomeScreen

START = "<!-- keys at home: printed by `python -m course.ui.keys_table` from the bindings; change them, not this -->"
END = "<!-- end of keys at home -->"


def home_keys() -> list[tuple[str, KeyHelp]]:
    """Where, and the help there: the keys that work everywhere, then the screens in the order people meet them."""
    return [
        ("everywhere", everywhere(class_bindings(HomeApp))),
        ("profiles", WelcomeScreen.KEY_HELP),
        ("course map", CourseMapScreen.KEY_HELP),
        ("lesson", ReaderScreen.KEY_HELP),
        ("quiz", QuizScreen.KEY_HELP),
        ("quiz result", QuizResultScreen.KEY_HELP),
        ("my progress", ProgressScreen.KEY_HELP),
        ("settings", SettingsScreen.KEY_HELP),
    ]


def table() -> str:
    """The Markdown table, between its two markers, in English (the README's language) whatever the language
    shown. Lines of a help with no key (a button) are left out."""
    shown = current_language()
    use_language(DEFAULT_LANGUAGE)
    try:
        rows = [START, "| where | key | what it does |", "| --- | --- | --- |"]
        for where, key_help in home_keys():
            for n, line in enumerate(line for line in key_help.lines() if line.keys):
                says = line.says.replace("|", "\\|")
                rows.append(f"| {where if n == 0 else ''} | {keys_phrase(line.keys, line.join)} | {says} |")
        rows.append(END)
    finally:
        use_language(shown)
    return "\n".join(rows)


def main() -> None:
    print(table())


if __name__ == "__main__":
    main()
