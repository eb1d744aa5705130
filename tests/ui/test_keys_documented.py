"""Each key is declared once, in BINDINGS: the help dialogs, the group screens' key lines and the README's table of
keys are made from the bindings (course/ui/keys.py), and these tests fail when something says otherwise."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import course.ui
from course.ui.group.app import GroupApp
from course.ui.group.attendance_screen import AttendanceScreen
from course.ui.group.groups_screen import GroupsScreen
from course.ui.group.notes_screen import NotesScreen
from course.ui.group.presenter_screen import PresenterScreen
from course.ui.group.roster_screen import RosterScreen
from course.ui.home.app import HomeApp
from course.ui.keys import KeyHelp, Other, actions_of, class_bindings, everywhere, key_line, key_name, keys_phrase
from course.ui.keys_table import END, START, table
from course.ui.kiosk.app import KioskApp
from course.ui.kiosk.keys import FINISH_KEY
from course.ui.kiosk.keys import everywhere as kiosk_everywhere

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def classes_in_ui() -> list[type[DOMNode]]:
    """Every app, screen and widget class that course.ui declares."""
    found = []
    for info in pkgutil.walk_packages(course.ui.__path__, "course.ui."):
        module = importlib.import_module(info.name)
        found += [cls for cls in vars(module).values()
                  if inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == module.__name__]
    return found


def course_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings the course gives ``cls`` (not Textual's own, such as a screen's Ctrl+C to copy)."""
    return [b for b in class_bindings(cls) if any(b in Binding.make_bindings(vars(base).get("BINDINGS", []))
                                                  for base in cls.__mro__ if base.__module__.startswith("course."))]


def with_help() -> list[type[DOMNode]]:
    return [cls for cls in classes_in_ui() if isinstance(vars(cls).get("KEY_HELP"), KeyHelp)]


def app_of(cls: type[DOMNode]) -> type[DOMNode]:
    """The app a screen runs in: group and kiosk screens in their mode's app, the shared ones at home."""
    if cls.__module__.startswith("course.ui.group."):
        return GroupApp
    if cls.__module__.startswith("course.ui.kiosk."):
        return KioskApp
    return HomeApp


def general_help(app: type[DOMNode]) -> str:
    key_help = app.general_help  # type: ignore[attr-defined]
    assert isinstance(key_help, KeyHelp), app  # made into Markdown when the help opens, in the language shown then
    return key_help.markdown()


# -- names ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("key", "name"), [
    ("f2", "F2"), ("escape", "Escape"), ("enter", "Enter"), ("ctrl+q", "Ctrl+Q"), ("shift+tab", "Shift+Tab"),
    ("question_mark", "?"), ("exclamation_mark", "!"), ("n", "N"), ("pageup", "Page Up"), ("delete", "Delete"),
    ("f10", "F10"), ("space", "Space"),
])
def test_keys_are_named_as_people_know_them(key: str, name: str) -> None:
    assert key_name(key) == name


def test_pairs_and_runs_of_keys_are_said_once() -> None:
    assert keys_phrase(["up", "down", "pageup", "pagedown", "home", "end"]) == (
        "**Up/Down**, **Page Up/Down** or **Home/End**")
    assert keys_phrase([str(n) for n in range(1, 10)]) == "**1** to **9**"
    assert keys_phrase(["1", "2"]) == "**1** or **2**"
    assert keys_phrase(["tab", "shift+tab"], "and") == "**Tab** and **Shift+Tab**"
    assert keys_phrase(["down"]) == "**Down**"  # half a pair is one key
    assert key_name("escape", short=True) == "Esc"


def test_keys_that_do_the_same_share_a_line() -> None:
    bindings = [Binding("space", "flip", "Flip", tooltip="mark present"), Binding("x", "other", "X", tooltip="x it"),
                Binding("escape", "leave", "Back", tooltip="back")]
    help_ = KeyHelp("A screen", bindings, before=(Other("up,down", "move"), Other("enter", "mark present")),
                    last=("leave",), note="A note.")
    assert help_.markdown() == ("**A screen**\n\n- **Up/Down**: move\n- **Enter** or **Space**: mark present\n"
                                "- **X**: x it\n- **Escape**: back\n\nA note.")


# -- the bindings and the help ---------------------------------------------------------------------------------------
def test_every_shown_binding_has_a_sentence_for_the_help() -> None:
    """A key on the key bar (or on a group screen's key line) says, beside its binding, what it does."""
    missing = []
    for cls in classes_in_ui():
        says = getattr(vars(cls).get("KEY_HELP"), "says", {})
        for binding in Binding.make_bindings(vars(cls).get("BINDINGS", [])):
            if binding.show and not (binding.tooltip or binding.action in says):
                missing.append(f"{cls.__qualname__}: {binding.key} ({binding.action})")
    assert not missing, "give these bindings a tooltip (the help's sentence): " + ", ".join(missing)


def test_every_screen_with_help_has_it_made_from_its_bindings() -> None:
    made_by_hand = [cls.__qualname__ for cls in classes_in_ui()
                    if "HELP" in vars(cls) and course_bindings(cls) and "KEY_HELP" not in vars(cls)]
    assert not made_by_hand, made_by_hand
    assert [cls for cls in with_help() if vars(cls)["HELP"] != cls.KEY_HELP.markdown()] == []  # type: ignore[attr-defined]


def test_every_key_a_screen_has_is_in_its_help() -> None:
    """Each key bound on a screen is in its help or in the "Everywhere" part (Shift+Tab, say)."""
    missing = []
    for cls in with_help():
        key_help: KeyHelp = vars(cls)["KEY_HELP"]
        app = app_of(cls)
        said = key_help.keys() | everywhere_keys(app)
        for binding in course_bindings(cls):
            if binding.action not in key_help.leave_out and binding.key not in said:
                missing.append(f"{cls.__qualname__}: {binding.key} ({binding.action})")
    assert not missing, "these keys are in no help: " + ", ".join(missing)


def everywhere_keys(app: type[DOMNode]) -> set[str]:
    if app is KioskApp:
        return kiosk_everywhere([*class_bindings(KioskApp)]).keys()
    return everywhere(class_bindings(app)).keys()


def test_the_everywhere_help_is_made_from_the_apps_bindings() -> None:
    for app in (HomeApp, GroupApp):
        assert general_help(app) == everywhere(class_bindings(app)).markdown(), app
    assert general_help(KioskApp) == kiosk_everywhere(class_bindings(KioskApp)).markdown()
    # what each mode's help offers is what its keys do
    assert "**Ctrl+Q**" in general_help(HomeApp) and "**Ctrl+Q**" not in general_help(KioskApp)  # a kiosk never quits
    assert f"**{key_name(FINISH_KEY)}**" in general_help(KioskApp)
    assert "Ctrl+O" not in general_help(KioskApp)  # the staff key is not for guests


BOLD = re.compile(r"\*\*(.+?)\*\*")
# Keys every screen has through Textual's own widgets (a list, a button, a scrolling page, a box)
WIDGET_KEYS = {"up", "down", "left", "right", "pageup", "pagedown", "home", "end", "enter", "tab", "shift+tab",
               "space"}
NAMES_TO_KEYS = {key_name(key): key for key in (
    *WIDGET_KEYS, "escape", "delete", "question_mark", "exclamation_mark", "ctrl+q", "ctrl+o",
    *(f"f{n}" for n in range(1, 13)), *"abcdefghijklmnopqrstuvwxyz", *"0123456789")}
NAMES_TO_KEYS |= {"Up/Down": "up", "Left/Right": "left", "Page Up/Down": "pageup", "Home/End": "home"}


def named_keys(markdown: str) -> set[str]:
    """The keys a help text names in bold (**N**, **Ctrl+Q**); bold words that are no key (a button) are not."""
    return {NAMES_TO_KEYS[name] for name in BOLD.findall(markdown) if name in NAMES_TO_KEYS}


def test_every_key_a_help_names_is_a_key_of_that_screen() -> None:
    """Sentences and notes may name keys too: each letter, digit, F-key or Escape they name is really bound."""
    wrong = []
    for cls in with_help():
        key_help: KeyHelp = vars(cls)["KEY_HELP"]
        app = app_of(cls)
        bound = {b.key for b in class_bindings(cls)} | {b.key for b in class_bindings(app)} | key_help.keys()
        wrong += [f"{cls.__qualname__}: {key}" for key in named_keys(key_help.markdown()) - bound - WIDGET_KEYS]
    for app in (HomeApp, GroupApp, KioskApp):
        bound = {b.key for b in class_bindings(app)}
        wrong += [f"{app.__name__}: {key}" for key in named_keys(general_help(app)) - bound - WIDGET_KEYS
                  if key != "escape"]  # each screen binds Escape to its own way back
    assert not wrong, wrong


def test_the_kiosk_lesson_list_leaves_out_what_a_guest_cannot_do() -> None:
    from course.ui.kiosk.screens import KioskMapScreen

    text = KioskMapScreen.HELP
    assert "**P**" not in text and "**S**" not in text and "**Escape**" not in text  # progress, settings, profiles
    assert "**C**" in text and "**Q**" in text and f"**{key_name(FINISH_KEY)}**" in text


# -- key lines --------------------------------------------------------------------------------------------------------
def screen_line(screen: type[DOMNode], app: type[DOMNode], **kwargs) -> str:
    return key_line([*vars(screen)["BINDINGS"], *actions_of(app, "help")], **kwargs)


def test_the_group_screens_key_lines_say_what_their_bindings_do() -> None:
    assert screen_line(GroupsScreen, GroupApp, prefix="Keys: ", before=(Other("enter", "", short="open"),)) == (
        "Keys: Enter open \u00b7 N new group \u00b7 Q quit \u00b7 ? help")
    assert screen_line(RosterScreen, GroupApp) == (
        "S session \u00b7 A add \u00b7 E existing \u00b7 R rename \u00b7 Del remove \u00b7 ? help \u00b7 Esc back")
    assert screen_line(AttendanceScreen, GroupApp, prefix="Keys: ",
                       before=(Other("enter", "", short="present/not"),)) == (
        "Keys: Enter present/not \u00b7 P present the lesson \u00b7 ? help \u00b7 Esc back")


async def test_the_key_lines_on_screen_are_made_from_the_bindings(tmp_path: Path) -> None:
    """What the projector and the notes window show under the page, with a binding's words changed."""
    from course.group.roster import today
    from course.store import Store
    from tests.group.helpers import group_app, screen_text
    from tests.ui.helpers import small_course

    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    app = group_app(course, store, NotesScreen, notes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Follows the projector by itself \u00b7 \u2191\u2193 scroll \u00b7 ? help \u00b7 Ctrl+Q quit" in (
            screen_text(app))
    gid = store.create_group("Tuesday evening family group")
    store.start_session(gid, course.lessons[0].id, today())
    session = store.sessions(gid)[0]
    app = group_app(course, store, lambda: PresenterScreen(session, course.lessons[0]))
    async with app.run_test(size=(80, 24)) as pilot:  # the whole line, even on the smallest window
        await pilot.pause()
        assert "\u2192 next  \u2190 back  B blank  T theme  F finish  F2 crisis  Esc attendance" in screen_text(app)


# -- the README and the docs -----------------------------------------------------------------------------------------
def readme_table(text: str) -> str:
    assert text.count(START) == 1 and text.count(END) == 1, "README.md: the markers of the table of keys are gone"
    return text[text.index(START):text.index(END) + len(END)]


def test_the_readme_table_of_keys_is_the_one_the_bindings_make() -> None:
    assert readme_table(README.read_text(encoding="utf-8")) == table(), (
        "README.md's table under 'Keys at home' no longer says what the bindings do. Change the bindings (or their "
        "tooltips) if the README was right; then paste the output of `python -m course.ui.keys_table` into it.")


def test_a_changed_line_in_the_readme_table_is_found() -> None:
    readme = README.read_text(encoding="utf-8")
    line = next(line for line in table().splitlines() if "| **C** |" in line)
    text = readme.replace(line, line.replace("**C**", "**K**"))
    assert text != readme and readme_table(text) != table()


def test_the_readme_names_every_key_that_is_shown() -> None:
    """Every key the key bar shows at home is in the README's table."""
    block = readme_table(README.read_text(encoding="utf-8"))
    from course.ui.keys_table import home_keys

    for _, key_help in home_keys():
        for binding in Binding.make_bindings(key_help.bindings):
            if binding.show:
                assert f"**{key_name(binding.key)}**" in block or key_name(binding.key) in block, binding


def test_the_readme_keys_that_differ_are_keys_of_the_course() -> None:
    """The Windows and Mac table names F2, ! and Ctrl+Q: they still are crisis help and quit."""
    text = README.read_text(encoding="utf-8")
    differ = text[text.index("### Keys that differ"):text.index("## Ways to use it")]
    actions = {key_name(b.key): b.action for b in class_bindings(HomeApp)}
    assert actions["F2"] == actions["!"] == "crisis" and actions["Ctrl+Q"] == "quit"
    assert "**F2**" in differ and "**!**" in differ and "**Ctrl+Q**" in differ


def test_the_presenting_keys_in_the_group_guide_are_the_presenters() -> None:
    """docs/group.md's table of keys while presenting names the keys the presenting screen has, and no other."""
    text = (ROOT / "docs" / "group.md").read_text(encoding="utf-8")
    section = text[text.index("### Keys while presenting"):text.index("### The group quiz")]
    named = set()
    for row in re.findall(r"^\| (?!key |---)(.+?) \|", section, flags=re.M):
        for name in re.split(r", | or ", row):
            named.add(NAMES_TO_KEYS[name.strip()])
    keys_of = {key for line in PresenterScreen.KEY_HELP.lines() for key in line.keys}
    paired = {"up", "pageup"}  # "Up/Down" and "Page Up/Down" are named by their first key
    expected = {key for key in keys_of if key not in {"down", "pagedown"}} | paired
    assert named == expected | {"f2", "question_mark"}
