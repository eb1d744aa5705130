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

# How people know the keys: the name printed on the key, as in "press Escape".
NAMES = {
    "escape": "Escape", "enter": "Enter", "tab": "Tab", "space": "Space", "backspace": "Backspace",
    "delete": "Delete", "insert": "Insert", "up": "Up", "down": "Down", "left": "Left", "right": "Right",
    "pageup": "Page Up", "pagedown": "Page Down", "home": "Home", "end": "End",
    "question_mark": "?", "exclamation_mark": "!", "plus": "+", "minus": "-",
}
# Shorter names for a line of keys under a list or on the projector.
SHORT_NAMES = {"escape": "Esc", "delete": "Del", "up": "\u2191", "down": "\u2193", "left": "\u2190",
               "right": "\u2192", "pageup": "PgUp", "pagedown": "PgDn"}
# Two keys that do one thing in two directions are said together, as on a keyboard's arrow block.
PAIRS = {("up", "down"): "Up/Down", ("left", "right"): "Left/Right", ("pageup", "pagedown"): "Page Up/Down",
         ("home", "end"): "Home/End"}
SHORT_PAIRS = {("up", "down"): "\u2191\u2193", ("left", "right"): "\u2190\u2192"}


def key_name(key: str, *, short: bool = False) -> str:
    """``"ctrl+q"`` -> ``"Ctrl+Q"``, ``"escape"`` -> ``"Escape"`` (``"Esc"`` when ``short``), ``"n"`` -> ``"N"``."""
    *modifiers, base = key.split("+")
    name = (short and SHORT_NAMES.get(base)) or NAMES.get(base) or (base.upper() if len(base) == 1 else
                                                                     base.replace("_", " ").title())
    if re.fullmatch(r"f\d{1,2}", base):
        name = base.upper()
    return "+".join([*(modifier.capitalize() for modifier in modifiers), name])


def key_names(keys: Sequence[str], *, short: bool = False) -> list[str]:
    """The names of ``keys`` in order; a pair (Up and Down) is said once where its first key is, and three or
    more digits in a row as a range (``1 to 9``)."""
    keys = list(dict.fromkeys(keys))
    said: list[str] = []
    done: set[str] = set()
    pairs = SHORT_PAIRS | {k: v for k, v in PAIRS.items() if k not in SHORT_PAIRS} if short else PAIRS
    for n, key in enumerate(keys):
        if key in done:
            continue
        pair = next(((pair, name) for pair, name in pairs.items() if key in pair and set(pair) <= set(keys)), None)
        if pair is not None:
            done.update(pair[0])
            said.append(pair[1])
            continue
        run = [key]
        while key.isdigit() and n + len(run) < len(keys) and keys[n + len(run)] == str(int(run[-1]) + 1):
            run.append(keys[n + len(run)])
        if len(run) >= 3:
            done.update(run)
            said.append(f"{run[0]} to {run[-1]}")
            continue
        done.add(key)
        said.append(key_name(key, short=short))
    return said


def keys_phrase(keys: Sequence[str], join: str = "or") -> str:
    """``["n", "right", "enter"]`` -> ``"**N**, **Right** or **Enter**"``, as a help line starts."""
    names = [" to ".join(f"**{part}**" for part in name.split(" to ")) if re.fullmatch(r"\d+ to \d+", name)
             else f"**{name}**" for name in key_names(keys)]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {join} {names[-1]}"


class Other(NamedTuple):
    """Keys that are no binding of the course, in words (Up/Down in a list, Tab between buttons).

    ``keys`` are Textual's key names, comma-separated; with no keys, ``says`` is a line of the help on its own
    (a button, say). ``short`` is what a key line says about them (none: they are not in the key line).
    """

    keys: str
    says: str
    join: str = "or"
    short: str = ""

    @property
    def key_list(self) -> list[str]:
        return [key.strip() for key in self.keys.split(",") if key.strip()]


class Line(NamedTuple):
    """One line of a help text: its keys (none for a line in words only) and what they do."""

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
    return [Line(tuple(other.key_list), other.says, other.join) for other in others]


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
        return self.says.get(binding.action, binding.tooltip)

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
        parts = [f"**{self.title}**", self.intro, "\n".join(line.markdown() for line in self.lines()), self.note]
        return "\n\n".join(part for part in parts if part)


# Keys that work on every screen but are no binding of the app: Textual's focus keys and the buttons' Enter, and
# Escape, which each screen binds to its own way back.
EVERYWHERE = (
    Other("tab,shift+tab", "move between buttons and boxes", join="and"),
    Other("enter", "press the highlighted button"),
    Other("escape", "go back"),
)
MOUSE = "You can also click anything with the mouse."


def everywhere(bindings: Sequence[BindingType]) -> KeyHelp:
    """The "Everywhere" part of the help at home and in group mode, from the app's ``bindings``."""
    return KeyHelp("Everywhere", bindings, after=EVERYWHERE, last=("quit",), note=MOUSE)


def key_line(bindings: Iterable[BindingType], *, before: Sequence[Other] = (), after: Sequence[Other] = (),
             says: Mapping[str, str] | None = None, only: Collection[str] | None = None, sep: str = " \u00b7 ",
             prefix: str = "") -> str:
    """A line of keys from the shown bindings: each action once, by its first key's short name and its
    ``description`` (or ``says[action]``) in lower case. Escape, the way back, comes last.

    ``only``: the actions to name (shown or not), in the bindings' order.
    """
    says = says or {}
    first: dict[str, Binding] = {}
    for binding in bindings_of(bindings):
        wanted = binding.show if only is None else binding.action in only
        if wanted and binding.action not in first:
            first[binding.action] = binding
    ways_back = [b for b in first.values() if b.key == "escape"]
    ordered = [b for b in first.values() if b.key != "escape"] + ways_back
    words = [*(f"{' '.join(key_names(o.key_list, short=True))} {o.short}" for o in before if o.short),
             *(f"{key_name(b.key, short=True)} {lower_first(says.get(b.action, b.description))}"
               for b in ordered),
             *(f"{' '.join(key_names(o.key_list, short=True))} {o.short}" for o in after if o.short)]
    return prefix + sep.join(words)


def lower_first(text: str) -> str:
    """``"New group"`` -> ``"new group"``."""
    return text[:1].lower() + text[1:]
