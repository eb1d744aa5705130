"""The button and key-bar CSS in app.tcss copies Textual's (course/ui/widgets/button.py, footer.py): these tests fail
when the Textual installed no longer matches the copy, so a Textual upgrade cannot change the buttons' look, or
leave the copy using a variable Textual no longer defines, without anyone noticing. pyproject.toml holds Textual
to the minor these were written against; on an upgrade, bring the copy up to date and these tests with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.widgets import Button

import course.ui
from course.ui import themes

APP_CSS = Path(course.ui.__file__).parent / "app.tcss"
# The copy has the default look ("-style-default") of the variants the app uses; not the flat look, the success
# and warning variants, nor the ANSI themes' rules.
LEFT_OUT = re.compile(r":ansi|-style-flat|-success|-warning")
ADDED = {"Button": {"margin"}}  # the app's own additions to Textual's rules: room between buttons in a row
THEME_NAMES = [theme.name for theme in themes.THEMES]


def block(css: str, selector: str) -> str:
    """The top-level rule of ``css`` that starts with the line ``selector {``, with all that it nests."""
    start = css.index(f"\n{selector} {{\n") + 1
    depth = 0
    for end in range(css.index("{", start), len(css)):
        depth += {"{": 1, "}": -1}.get(css[end], 0)
        if depth == 0:
            return css[start:end + 1]
    raise ValueError(f"{selector} is not closed")


def variables(theme: str) -> dict[str, str]:
    """The CSS variables Textual's design module makes for one of the course's themes."""
    app = App()
    for each in themes.THEMES:
        app.register_theme(each)
    app.theme = theme
    return app.get_css_variables()


def rules(css: str, theme: str) -> dict[str, dict[str, str]]:
    """``css`` parsed as Textual parses it, in ``theme``: each selector's declarations, variables resolved."""
    sheet = Stylesheet()
    sheet.set_variables(variables(theme))
    sheet.add_source(css, read_from=("test", "css"), is_default_css=True)
    sheet.parse()
    found: dict[str, dict[str, str]] = {}
    for rule in sheet.rules:
        for selector in rule.selectors.split(", "):
            lines = (line.rstrip(";").split(":", 1) for line in rule.styles.css_lines)
            found.setdefault(selector, {}).update({name.strip(): value.strip() for name, value in lines})
    return found


def copied_button_css() -> str:
    return block(APP_CSS.read_text("utf-8"), "Button")


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_the_copied_button_css_is_textuals(theme: str) -> None:
    """Every rule of Textual's button look that the app uses is in app.tcss as Textual has it, in every theme."""
    assert same_as_textual(copied_button_css(), theme) == []


def same_as_textual(copy: str, theme: str) -> list[str]:
    """How ``copy`` differs from Textual's Button CSS, for the rules it copies, in words (nothing if the same)."""
    textual = {selector: declarations for selector, declarations in rules(Button.DEFAULT_CSS, theme).items()
               if not LEFT_OUT.search(selector)}
    ours = rules(copy, theme)
    differences = [f"{selector}: not in app.tcss" for selector in textual if selector not in ours]
    differences += [f"{selector}: not in Textual's button CSS" for selector in ours if selector not in textual]
    for selector in textual.keys() & ours.keys():
        mine = {name: value for name, value in ours[selector].items() if name not in ADDED.get(selector, set())}
        if mine != textual[selector]:
            differences.append(f"{selector}: app.tcss has {mine}, Textual {textual[selector]}")
    return differences


def test_a_change_in_textuals_look_is_found() -> None:
    """The comparison is not blind: a value, a rule or a variable that differs from Textual's is reported."""
    copy = copied_button_css()
    assert same_as_textual(copy.replace("tall $surface-lighten-1", "tall $surface-lighten-2", 1), THEME_NAMES[0])
    assert same_as_textual(copy.replace("&:hover", "&:focus-within", 1), THEME_NAMES[0])
    assert same_as_textual(copy.replace("$error-lighten-2", "$error-lighten-3", 1), THEME_NAMES[0])


@pytest.mark.parametrize("selector", ["Button", "KeyFooter"])
def test_the_copied_css_uses_only_variables_textual_defines(selector: str) -> None:
    """The variables of the copied button and key-bar CSS ($button-foreground, $footer-key-foreground, ...) are all
    made by Textual's design module, under the names the copy uses."""
    used = set(re.findall(r"\$([a-z0-9-]+)", block(APP_CSS.read_text("utf-8"), selector)))
    assert used
    assert sorted(used - App().get_css_variables().keys()) == []
