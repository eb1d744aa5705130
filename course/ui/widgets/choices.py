"""Answer options that wrap long text: radio buttons for choose-one, checkboxes for choose-all.

Textual's RadioButton and Checkbox show one line of label and tell checked from unchecked by colour; quiz
options are sentences, and the course must read in NO_COLOR terminals, so these draw ``(•)``/``( )`` and
``[x]``/``[ ]`` and wrap.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from course.i18n import N_, _
from course.ui import console

# What a checked answer's chosen options say after the mark: right, or not quite.
VERDICTS = {
    # Translators: after a chosen quiz option that is right ("✓ right")
    "right": ("✓", N_("right")),
    # Translators: after a chosen quiz option that is not right ("✗ not quite"); gentle, never blaming
    "wrong": ("✗", N_("not quite")),
}


class Choice(Widget, can_focus=True):
    """One option: a mark and wrapped text. Space, Enter or a click toggles it."""

    BINDINGS = [
        Binding("space", "choose", N_("Choose"), show=False),
        Binding("enter", "choose", N_("Choose"), show=False),
    ]

    checked: reactive[bool] = reactive(False)
    locked: reactive[bool] = reactive(False)

    def __init__(self, key: str, number: int, text: str, *, multiple: bool) -> None:
        super().__init__(classes="choice")
        self.key = key
        self.number = number
        self.text = text
        self.multiple = multiple
        self.verdict = ""  # after checking: "right" or "wrong" for chosen options

    def reset(self, key: str, number: int, text: str, *, multiple: bool) -> None:
        """Show another option in this widget, unchosen and unlocked (cheaper than mounting a new one)."""
        self.key, self.number, self.text, self.multiple = key, number, text, multiple
        self.verdict = ""
        self.checked = False
        self.locked = False
        self.refresh(layout=True)

    def render(self) -> Content:
        marks = ("[ ]", "[x]") if self.multiple else ("( )", "(•)")
        mark = marks[self.checked]
        verdict = VERDICTS.get(self.verdict)
        suffix = console.marks(self.app, f"  {verdict[0]} {_(verdict[1])}") if verdict else ""
        return Content.assemble(f"{self.number}. {mark} ", Content(self.text), (suffix, "bold"))

    def _list(self) -> ChoiceList | None:
        return next((node for node in self.ancestors if isinstance(node, ChoiceList)), None)

    def action_choose(self) -> None:
        """Space or a click: choose this option (choose-one), or tick or untick it (choose-all).

        Done at once, not through a message: a check pressed right after (a burst of keys) must see it.
        """
        choices = self._list()
        if not self.locked and choices is not None:
            choices.choose(self)

    def on_click(self) -> None:
        self.focus()
        self.action_choose()

    def watch_checked(self) -> None:
        self.set_class(self.checked, "-checked")


class ChoiceList(Vertical):
    """The options of one question. Up/Down move between them; digit keys choose by number."""

    BINDINGS = [
        Binding("up", "move(-1)", N_("Previous option"), show=False),
        Binding("down", "move(1)", N_("Next option"), show=False),
    ]

    class Changed(Message):
        def __init__(self, choices: ChoiceList) -> None:
            super().__init__()
            self.choices = choices

    def __init__(self, options: list[tuple[str, str]], *, multiple: bool, id: str | None = None,
                 room_for: int = 0) -> None:
        """``room_for``: how many options the list will need at most, so that all are mounted (hidden) at once."""
        super().__init__(id=id, classes="choices")
        self.multiple = multiple
        self._items = [Choice(key, n, text, multiple=multiple) for n, (key, text) in enumerate(options, 1)]
        self._spares = [Choice("", 0, "", multiple=multiple) for _n in range(room_for - len(options))]
        for spare in self._spares:
            spare.display = False

    def compose(self):
        yield from self._items
        yield from self._spares

    async def replace_options(self, options: list[tuple[str, str]], *, multiple: bool) -> None:
        """Show another question's options, reusing the option widgets already mounted.

        Mounting widgets is the slowest part of moving to the next question, so existing ones are refilled;
        any this question does not need are hidden (and kept for a later question with more options). With
        ``room_for`` large enough nothing is mounted here, so the new question appears in one refresh.
        """
        self.multiple = multiple
        mounted = list(self.query_children(Choice))
        for choice, (number, (key, text)) in zip(mounted, enumerate(options, 1), strict=False):
            choice.reset(key, number, text, multiple=multiple)
        new = [Choice(key, n, text, multiple=multiple)
               for n, (key, text) in enumerate(options, 1) if n > len(mounted)]
        if new:
            await self.mount_all(new)
        for index, choice in enumerate(mounted):
            choice.display = index < len(options)
        self._items = (mounted + new)[:len(options)]

    @property
    def items(self) -> list[Choice]:
        return list(self._items)

    @property
    def selected(self) -> list[str]:
        return [c.key for c in self._items if c.checked]

    def choose_number(self, number: int) -> bool:
        if 1 <= number <= len(self._items):
            item = self._items[number - 1]
            item.focus()
            item.action_choose()
            return True
        return False

    def choose(self, choice: Choice) -> None:
        """Choose ``choice`` (choose-one) or tick or untick it (choose-all)."""
        if self.multiple:
            choice.checked = not choice.checked
        else:
            for item in self._items:
                item.checked = item is choice
        self.post_message(self.Changed(self))

    def lock_answers(self, verdicts: dict[str, str]) -> None:
        for item in self._items:
            item.locked = True
            item.verdict = verdicts.get(item.key, "")
            item.refresh(layout=True)

    def action_move(self, delta: int) -> None:
        focused = [i for i, c in enumerate(self._items) if c.has_focus]
        index = (focused[0] + delta) if focused else 0
        self._items[max(0, min(index, len(self._items) - 1))].focus()
