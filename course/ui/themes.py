"""The three looks a learner can choose: dark, light, and a high-contrast one that survives NO_COLOR."""

from __future__ import annotations

from textual.theme import Theme

from course.i18n import N_

DARK = "course-dark"
LIGHT = "course-light"
CONTRAST = "course-contrast"
# The names a person chooses from, marked for translation: show them with ``_(LABELS[name])``.
LABELS = {DARK: N_("Dark"), LIGHT: N_("Light"), CONTRAST: N_("High contrast")}

# The highlighted row of a list is shown by reverse video as well as colour, so it survives NO_COLOR.
CURSOR = {"block-cursor-text-style": "bold reverse", "block-cursor-blurred-text-style": "bold"}

THEMES = [
    Theme(name=DARK, primary="#5FA8D3", secondary="#9CC5A1", accent="#F2C14E", warning="#F2C14E",
          error="#F28B82", success="#9CC5A1", foreground="#E8EAED", background="#1B1F24", surface="#232830",
          panel="#2C333C", dark=True, variables=CURSOR),
    Theme(name=LIGHT, primary="#1F5F8B", secondary="#2E6B3A", accent="#8A5A00", warning="#8A5A00",
          error="#A12622", success="#2E6B3A", foreground="#1A1A1A", background="#FAF8F3", surface="#FFFFFF",
          panel="#ECE8DF", dark=False, variables=CURSOR),
    Theme(name=CONTRAST, primary="#FFFF00", secondary="#00FFFF", accent="#FFFF00", warning="#FFFF00",
          error="#FF6060", success="#00FF00", foreground="#FFFFFF", background="#000000", surface="#000000",
          panel="#000000", boost="#000000", dark=True, luminosity_spread=0.0, text_alpha=1.0,
          variables=CURSOR),
]

# The Linux console's 16 colours (the VGA palette, which is also Rich's standard palette, so these are sent as
# plain 16-colour codes). Only the first 8 can be backgrounds: the console draws a bright background as the dark
# one. Text in a bright colour is drawn bold.
BLACK, RED, GREEN, BROWN, BLUE, MAGENTA, CYAN, GREY = (
    "#000000", "#AA0000", "#00AA00", "#AA5500", "#0000AA", "#AA00AA", "#00AAAA", "#AAAAAA")
DARK_GREY, BRIGHT_RED, BRIGHT_GREEN, YELLOW, BRIGHT_BLUE, BRIGHT_MAGENTA, BRIGHT_CYAN, WHITE = (
    "#555555", "#FF5555", "#55FF55", "#FFFF55", "#5555FF", "#FF55FF", "#55FFFF", "#FFFFFF")
CONSOLE_PALETTE = (BLACK, RED, GREEN, BROWN, BLUE, MAGENTA, CYAN, GREY,
                   DARK_GREY, BRIGHT_RED, BRIGHT_GREEN, YELLOW, BRIGHT_BLUE, BRIGHT_MAGENTA, BRIGHT_CYAN, WHITE)
CONSOLE_BACKGROUNDS = CONSOLE_PALETTE[:8]


def _console_variables(text: str, muted: str, background: str, surface: str, lighter: str, key: str,
                       buttons: tuple[str, str, str, str, str, str]) -> dict[str, str]:
    """Textual works out many colours from a theme by mixing (muted text, hover, lighter and darker shades); on
    the console a mixed colour becomes whichever of the 16 is nearest, which can be the background itself. These
    name a palette colour for each one the course's screens and Textual's widgets use."""
    return {
        **CURSOR,
        "text": text, "text-muted": muted, "text-disabled": muted, "foreground-muted": muted,
        "boost": background, "surface-lighten-1": surface, "surface-darken-1": surface,
        "panel-lighten-1": lighter, "background-lighten-1": surface,
        "footer-foreground": text, "footer-background": lighter, "footer-key-foreground": key,
        "footer-key-background": lighter, "footer-description-foreground": text,
        "footer-description-background": lighter, "block-hover-background": background,
        "scrollbar": lighter, "scrollbar-hover": lighter, "scrollbar-active": lighter,
        "scrollbar-background": background, "scrollbar-background-hover": background,
        "scrollbar-background-active": background, "scrollbar-corner-color": background,
        "border": text, "border-blurred": muted,
        "input-cursor-background": BLACK if background == GREY else GREY,
        "input-cursor-foreground": GREY if background == GREY else BLACK, "input-selection-background": lighter,
        "button-foreground": text, "button-color-foreground": WHITE, "button-focus-text-style": "bold reverse",
        "link-color": text, "link-background": background, "link-color-hover": text,
        "link-background-hover": lighter,
        "markdown-h1-color": text, "markdown-h2-color": text, "markdown-h3-color": text,
        "block-cursor-foreground": text, "block-cursor-background": lighter,
        "block-cursor-blurred-foreground": text, "block-cursor-blurred-background": background,
        "block-hover-background-color": background,
        # Used by console.tcss: each kind of button's background and text.
        **dict(zip(("console-button", "console-button-text", "console-button-primary",
                    "console-button-primary-text", "console-button-error", "console-button-error-text"),
                   buttons, strict=True)),
    }


# The same three looks on the console, under the same names, so a learner's choice means the same there.
CONSOLE_THEMES = [
    Theme(name=DARK, primary=BRIGHT_CYAN, secondary=BRIGHT_GREEN, accent=YELLOW, warning=YELLOW,
          error=BRIGHT_RED, success=BRIGHT_GREEN, foreground=WHITE, background=BLACK, surface=BLACK, panel=BLUE,
          dark=True, luminosity_spread=0.0, text_alpha=1.0,
          variables=_console_variables(WHITE, GREY, BLACK, BLUE, BLUE, YELLOW,
                                        (BLUE, WHITE, CYAN, BLACK, RED, WHITE))),
    Theme(name=LIGHT, primary=BLUE, secondary=GREEN, accent=MAGENTA, warning=BROWN, error=RED, success=GREEN,
          foreground=BLACK, background=GREY, surface=GREY, panel=CYAN, dark=False, luminosity_spread=0.0,
          text_alpha=1.0, variables=_console_variables(BLACK, BLACK, GREY, CYAN, CYAN, BLUE,
                                                      (BLUE, WHITE, CYAN, BLACK, RED, WHITE))),
    Theme(name=CONTRAST, primary=YELLOW, secondary=BRIGHT_CYAN, accent=YELLOW, warning=YELLOW, error=BRIGHT_RED,
          success=BRIGHT_GREEN, foreground=WHITE, background=BLACK, surface=BLACK, panel=BLACK, boost=BLACK,
          dark=True, luminosity_spread=0.0, text_alpha=1.0,
          variables=_console_variables(WHITE, WHITE, BLACK, BLACK, BLACK, YELLOW,
                                        (GREY, BLACK, GREY, BLACK, RED, WHITE))),
]


def for_look(console: bool) -> list[Theme]:
    """The themes to register: the console's when the console look is on."""
    return CONSOLE_THEMES if console else THEMES
