"""Which characters a Linux console font can draw, read from the font file's Unicode table.

A console font holds 256 or 512 glyphs; its Unicode table says which characters each glyph stands for. A character
with no glyph shows as a blank or a replacement box on the console. This reads PSF1 and PSF2 fonts (gzipped or
not), the formats console-setup ships (/usr/share/consolefonts) and ``setfont -O`` saves. No Textual here.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

from course.i18n import N_, _

# The font docs/kiosk.md recommends (console-setup's CODESET="Uni2", FONTFACE="Terminus", FONTSIZE="16x32").
RECOMMENDED = Path("/usr/share/consolefonts/Uni2-Terminus32x16.psf.gz")

PSF1_MAGIC = b"\x36\x04"
PSF1_MODE512, PSF1_MODEHASTAB = 0x01, 0x02
PSF2_MAGIC = b"\x72\xb5\x4a\x86"
PSF2_HAS_UNICODE_TABLE = 0x01
NO_TABLE = N_("{file}: the font has no Unicode table, so which characters it draws is unknown")


class FontError(ValueError):
    """The file is not a console font this module can read, or it has no Unicode table."""


def read_bytes(path: Path) -> bytes:
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise FontError(_("{file}: not a readable gzip file ({error})").format(file=path, error=error)) from None
    return data


def covered(path: Path) -> frozenset[str]:
    """Every single character that has a glyph in the console font at ``path``."""
    return parse(read_bytes(path), str(path))


def parse(data: bytes, name: str = "font") -> frozenset[str]:
    if data[:4] == PSF2_MAGIC:
        return _psf2(data, name)
    if data[:2] == PSF1_MAGIC:
        return _psf1(data, name)
    raise FontError(_("{file}: not a PSF console font").format(file=name))


def _psf2(data: bytes, name: str) -> frozenset[str]:
    if len(data) < 32:
        raise FontError(_("{file}: the PSF2 header is cut short").format(file=name))
    _magic, _version, header_size, flags, glyphs, glyph_size, _height, _width = struct.unpack("<4sIIIIIII", data[:32])
    if not flags & PSF2_HAS_UNICODE_TABLE:
        raise FontError(_(NO_TABLE).format(file=name))
    table = data[header_size + glyphs * glyph_size:]
    chars: set[str] = set()
    for entry in table.split(b"\xff")[:glyphs]:
        singles = entry.split(b"\xfe", 1)[0]  # after 0xFE come sequences (a letter and its accents)
        chars.update(singles.decode("utf-8", errors="ignore"))
    return frozenset(chars)


def _psf1(data: bytes, name: str) -> frozenset[str]:
    if len(data) < 4:
        raise FontError(_("{file}: the PSF1 header is cut short").format(file=name))
    mode, glyph_size = data[2], data[3]
    if not mode & PSF1_MODEHASTAB:
        raise FontError(_(NO_TABLE).format(file=name))
    glyphs = 512 if mode & PSF1_MODE512 else 256
    table = data[4 + glyphs * glyph_size:]
    chars: set[str] = set()
    glyph, in_sequence = 0, False
    for offset in range(0, len(table) - 1, 2):
        if glyph >= glyphs:
            break
        (value,) = struct.unpack_from("<H", table, offset)
        if value == 0xFFFF:
            glyph, in_sequence = glyph + 1, False
        elif value == 0xFFFE:
            in_sequence = True
        elif not in_sequence:
            chars.add(chr(value))
    return frozenset(chars)


def missing(text: str, font: frozenset[str]) -> list[str]:
    """The characters of ``text`` the font lacks, each once, in order (spaces and line ends are not drawn)."""
    seen: dict[str, None] = {}
    for char in text:
        if char not in font and char not in "\n\r\t" and char not in seen:
            seen[char] = None
    return list(seen)
