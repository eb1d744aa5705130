"""The three looks a learner can choose: dark, light, and a high-contrast one that survives NO_COLOR."""

from __future__ import annotations

from textual.theme import Theme

DARK = "course-dark"
LIGHT = "course-light"
CONTRAST = "course-contrast"
LABELS = {DARK: "Dark", LIGHT: "Light", CONTRAST: "High contrast"}

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
