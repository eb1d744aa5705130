"""Keys, declared once: the help dialogs, the group screens' key lines and the README's key table are made here
from the bindings.

- A binding that a person should know about carries its help sentence in Binding's ``tooltip`` (its
  ``description`` is the few words of the key bar, or of a group screen's key line). A screen that reuses
  bindings declared elsewhere, or wants other words for them, gives ``says``: action -> sentence.
- Keys that are not bindings of the course (Up/Down and Enter in a list, Tab between buttons, typing in a box,
  a click) are written once, as ``Other`` entries of the screen's ``KeyHelp`` (``before`` or ``after`` the
  bindings); the keys that work everywhere but are no binding of the app are ``EVERYWHERE`` below.
- ``show`` says which bindings the key bar shows; on the group screens, which have no key bar, which the
  screen's key line names.

``KeyHelp.markdown()`` is a screen's HELP; ``key_line`` a group screen's line of keys; ``python -m
course.ui.keys_table`` prints the README's table of keys at home. tests/ui/test_keys_documented.py checks that
every shown binding has a sentence, that every key a screen has is in its help, and that the README agrees.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from course.i18n import N_, _

# How people know the keys: the name printed on the key, as in "press Escape". Translated where they are shown: a
# key keeps the name printed on it; one with no printed name (Space, the arrows) is said in the reader's language.
NAMES = {
    # Translators: the Escape key, as printed on it (Spanish: "Esc")
    "escape": N_("Escape"), "enter": "Enter", "tab": "Tab",
    # Translators: the space bar
    "space": N_("Space"), "backspace": "Backspace", "delete": "Delete", "insert": "Insert",
    # Translators: the arrow keys
    "up": N_("Up"), "down": N_("Down"), "left": N_("Left"), "right": N_("Right"),
    "pageup": "Page Up", "pagedown": "Page Down", "home": "Home", "end": "End",
    "question_mark": "?", "exclamation_mark": "!", "plus": "+", "minus": "-",
}
# Shorter names for a line of keys under a list or on the projector.
SHORT_NAMES = {"escape": "Esc", "delete": "Del", "up": "\u2191", "down": "\u2193", "left": "\u2190",
               "right": "\u2192", "pageup": "PgUp", "pagedown": "PgDn"}
# Two keys that do one thing in two directions are said together, as on a keyboard's arrow block.
PAIRS = {("up", "down"): N_("Up/Down"), ("left", "right"): N_("Left/Right"),
         ("pageup", "pagedown"): "Page Up/Down", ("home", "end"): "Home/End"}
# Translators: keys 1, 2 ... 9 in a help line ("1 to 9"); keep {first} and {last}
KEY_RANGE = N_("{first} to {last}")
# How the last key of a list is joined to the others: "N, Right or Enter", "Tab and Shift+Tab".
JOINS = {
    # Translators: the last of several keys that each do the same ("N, Right or Enter")
    "or": N_("{keys} or {last}"),
    # Translators: the last of several keys used together ("Tab and Shift+Tab")
    "and": N_("{keys} and {last}"),
}
SHORT_PAIRS = {("up", "down"): "\u2191\u2193", ("left", "right"): "\u2190\u2192"}


def key_name(key: str, *, short: bool = False) -> str:
    """``"ctrl+q"`` -> ``"Ctrl+Q"``, ``"escape"`` -> ``"Escape"`` (``"Esc"`` when ``short``), ``"n"`` -> ``"N"``."""
    *modifiers, base = key.split("+")
    if short and base in SHORT_NAMES:
        name = SHORT_NAMES[base]
    elif base in NAMES:
        name = _(NAMES[base])
    else:
        name = base.upper() if len(base) == 1 else base.replace("_", " ").title()
    if re.fullmatch(r"f\d{1,2}", base):
        name = base.upper()
    return "+".join([*(modifier.capitalize() for modifier in modifiers), name])


def key_names(keys: Sequence[str], *, short: bool = False) -> list[str]:
    """The names of ``keys`` in order, in the current language; a pair (Up and Down) is said once where its first
    key is, and three or more digits in a row as a range (``1 to 9``)."""
    return [_(KEY_RANGE).format(first=said[0], last=said[1]) if isinstance(said, tuple) else said
            for said in _key_groups(keys, short=short)]


def _key_groups(keys: Sequence[str], *, short: bool = False) -> list[str | tuple[str, str]]:
    """The names of ``keys`` (see ``key_names``), a run of digits as its first and last."""
    keys = list(dict.fromkeys(keys))
    said: list[str | tuple[str, str]] = []
    done: set[str] = set()
    pairs = SHORT_PAIRS | {k: v for k, v in PAIRS.items() if k not in SHORT_PAIRS} if short else PAIRS
    for n, key in enumerate(keys):
        if key in done:
            continue
        pair = next(((pair, name) for pair, name in pairs.items() if key in pair and set(pair) <= set(keys)), None)
        if pair is not None:
            done.update(pair[0])
            said.append(_(pair[1]))
            continue
        run = [key]
        while key.isdigit() and n + len(run) < len(keys) and keys[n + len(run)] == str(int(run[-1]) + 1):
            run.append(keys[n + len(run)])
        if len(run) >= 3:
            done.update(run)
            said.append((run[0], run[-1]))
            continue
        done.add(key)
        said.append(key_name(key, short=short))
    return said


def keys_phrase(keys: Sequence[str], join: str = "or") -> str:
    """``["n", "right", "enter"]`` -> ``"**N**, **Right** or **Enter**"``, as a help line starts (``join``: "or"
    or "and"), in the current language."""
    names = [_(KEY_RANGE).format(first=f"**{said[0]}**", last=f"**{said[1]}**") if isinstance(said, tuple)
             else f"**{said}**" for said in _key_groups(keys)]
    if len(names) <= 1:
        return "".join(names)
    return _(JOINS.get(join, JOINS["or"])).format(keys=", ".join(names[:-1]), last=names[-1])


class Other(NamedTuple):
    """Keys that are no binding of the course, in words (Up/Down in a list, Tab between buttons).

    ``keys`` are Textual's key names, comma-separated; with no keys, ``says`` is a line of the help on its own
    (a button, say). ``short`` is what a key line says about them (none: they are not in the key line).
    ``says`` and ``short`` are marked ``N_("...")`` and translated when the help is shown; ``join`` is "or" or
    "and".
    """

    keys: str
    says: str
    join: str = "or"
    short: str = ""

    @property
    def key_list(self) -> list[str]:
        return [key.strip() for key in self.keys.split(",") if key.strip()]


class Line(NamedTuple):
    """One line of a help text: its keys (none for a line in words only) and what they do (already translated)."""

    keys: tuple[str, ...]
    says: str
    join: str = "or"

    def markdown(self) -> str:
        return f"- {keys_phrase(self.keys, self.join)}: {self.says}" if self.keys else f"- {self.says}"


def bindings_of(bindings: Iterable[BindingType]) -> list[Binding]:
    """``bindings`` one key each, as Textual reads a BINDINGS list."""
    return list(Binding.make_bindings(bindings))


def class_bindings(cls: type[DOMNode]) -> list[Binding]:
    """Every binding ``cls`` has, one key each, merged as Textual merges a class's BINDINGS with its bases': a
    key a class binds replaces all the bindings its bases gave that key."""
    by_key: dict[str, list[Binding]] = {}
    for base in reversed(cls.__mro__):
        if issubclass(base, DOMNode) and "BINDINGS" in vars(base):
            own: dict[str, list[Binding]] = {}
            for binding in bindings_of(vars(base)["BINDINGS"]):
                own.setdefault(binding.key, []).append(binding)
            by_key.update(own)
    return [binding for bindings in by_key.values() for binding in bindings]


def actions_of(cls: type[DOMNode], *actions: str) -> list[Binding]:
    """The bindings of ``cls`` (an app, say) for ``actions``, in that order, to name them in a screen's key line."""
    bindings = class_bindings(cls)
    return [binding for action in actions for binding in bindings if binding.action == action]


def other_lines(others: Iterable[Other]) -> list[Line]:
    return [Line(tuple(other.key_list), _(other.says), other.join) for other in others]


def scrolling(says: str) -> dict[str, str]:
    """``says`` for the scroll keys of ``course.ui.widgets.scroll_keys.SCROLL_BINDINGS``."""
    return dict.fromkeys(("scroll(-1)", "scroll(1)", "scroll(-10)", "scroll(10)", "scroll_edge(0)",
                          "scroll_edge(1)"), says)


@dataclass(frozen=True)
class KeyHelp:
    """The help of one screen, made from its bindings: ``title``, ``intro``, one line per thing its keys do
    (``before`` the bindings, the bindings in their order, ``after``, then the actions in ``last``), ``note``.

    A binding is in the help when it has a sentence: ``says[action]``, else its ``tooltip``. Bindings with the
    same sentence share a line. Actions in ``leave_out`` are not there (a screen that refuses them).

    It is made at import time, in English: every text in it (``title``, ``intro``, ``note``, the sentences) is
    marked ``N_("...")`` and translated by ``lines()`` and ``markdown()``, in the language shown when they are
    called. So a screen shows ``KEY_HELP.markdown()`` when its help opens, not a ``HELP`` made at import.
    """

    title: str
    bindings: Sequence[BindingType] = ()
    before: Sequence[Other] = ()
    after: Sequence[Other] = ()
    says: Mapping[str, str] = field(default_factory=dict)
    leave_out: Collection[str] = ()
    last: Collection[str] = ()
    intro: str = ""
    note: str = ""

    def sentence(self, binding: Binding) -> str:
        """The binding's sentence, in the current language."""
        said = self.says.get(binding.action, binding.tooltip)
        return _(said) if said else said

    def lines(self) -> list[Line]:
        """Every line of the help, in order; keys that do the same (the same sentence) share the first one's line."""
        shown = [b for b in bindings_of(self.bindings) if self.sentence(b) and b.action not in self.leave_out]
        ends = [Line((b.key,), self.sentence(b)) for b in shown if b.action in self.last]
        lines = [*other_lines(self.before), *(Line((b.key,), self.sentence(b)) for b in shown
                                              if b.action not in self.last),
                 *other_lines(self.after), *ends]
        merged: dict[str, Line] = {}
        for line in lines:
            if not line.keys:
                merged[f"\0{len(merged)}"] = line
                continue
            earlier = merged.get(line.says)
            if earlier is None:
                merged[line.says] = line
            else:
                keys = earlier.keys + tuple(key for key in line.keys if key not in earlier.keys)
                merged[line.says] = earlier._replace(keys=keys)
        return list(merged.values())

    def keys(self) -> set[str]:
        """Every key the help speaks of."""
        return {key for line in self.lines() for key in line.keys}

    def markdown(self) -> str:
        """The help as Markdown, in the current language."""
        parts = [f"**{_(self.title)}**", _(self.intro) if self.intro else "",
                 "\n".join(line.markdown() for line in self.lines()), _(self.note) if self.note else ""]
        return "\n\n".join(part for part in parts if part)


# Keys that work on every screen but are no binding of the app: Textual's focus keys and the buttons' Enter, and
# Escape, which each screen binds to its own way back.
EVERYWHERE = (
    Other("tab,shift+tab", N_("move between buttons and boxes"), join="and"),
    Other("enter", N_("press the highlighted button")),
    Other("escape", N_("go back")),
)
MOUSE = N_("You can also click anything with the mouse.")
# Translators: the title of the part of the help about keys that work on every screen
EVERYWHERE_TITLE = N_("Everywhere")


def everywhere(bindings: Sequence[BindingType]) -> KeyHelp:
    """The "Everywhere" part of the help at home and in group mode, from the app's ``bindings``."""
    return KeyHelp(EVERYWHERE_TITLE, bindings, after=EVERYWHERE, last=("quit",), note=MOUSE)


def key_line(bindings: Iterable[BindingType], *, before: Sequence[Other] = (), after: Sequence[Other] = (),
             says: Mapping[str, str] | None = None, only: Collection[str] | None = None, sep: str = " \u00b7 ",
             prefix: str = "") -> str:
    """A line of keys from the shown bindings: each action once, by its first key's short name and its
    ``description`` (or ``says[action]``) in lower case. Escape, the way back, comes last.

    ``only``: the actions to name (shown or not), in the bindings' order. The words (descriptions, ``says``,
    ``Other.short``, ``prefix``) are translated here, in the language shown now.
    """
    says = says or {}
    first: dict[str, Binding] = {}
    for binding in bindings_of(bindings):
        wanted = binding.show if only is None else binding.action in only
        if wanted and binding.action not in first:
            first[binding.action] = binding
    ways_back = [b for b in first.values() if b.key == "escape"]
    ordered = [b for b in first.values() if b.key != "escape"] + ways_back
    words = [*(f"{' '.join(key_names(o.key_list, short=True))} {_(o.short)}" for o in before if o.short),
             *(f"{key_name(b.key, short=True)} {lower_first(_(says.get(b.action, b.description)))}"
               for b in ordered),
             *(f"{' '.join(key_names(o.key_list, short=True))} {_(o.short)}" for o in after if o.short)]
    return (_(prefix) if prefix else "") + sep.join(words)


def lower_first(text: str) -> str:
    """``"New group"`` -> ``"new group"``."""
    return text[:1].lower() + text[1:]
