"""``family-course --lang es report``: the reports a counselor prints, in Spanish (titles, columns, the quiz counts,
what is said when there is nothing, the errors), with the lessons' Spanish titles; FAMILY_COURSE_LANG=es does the
same. The numbers, the dates and the names are the same in every language."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from course.cli import main
from course.commands.report import BOM
from course.content import load_course
from course.group.phones import tally_id
from course.store import Store
from tests.group.helpers import group_with_people

LESSON = "iop-and-your-family"
# Words of the report's own English; none may show in a Spanish report.
ENGLISH = re.compile(r"\b(name|lessons?|finished|started|quiz|average|sessions?|attended|last|activity|date|"
                     r"present|tallies|members|of|people|yes|right|hands|phones|day|questions|answered|"
                     r"group|groups|called|none|profiles|yet|saved|report|waiting|kiosk)\b", re.I)


def report(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "es", "report", "--data-dir", str(data_dir), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def no_english(text: str, *allowed: str) -> None:
    for word in allowed:
        text = text.replace(word, "")
    found = ENGLISH.findall(text)
    assert not found, (found, text)


def test_the_group_report_in_spanish(capsys: pytest.CaptureFixture[str], store: Store, data_dir: Path) -> None:
    lesson = load_course(language="es").lesson(LESSON)
    assert lesson.quiz is not None
    first, second = lesson.quiz.questions[:2]
    gid, (ana, ben) = group_with_people(store, "Ana", "Ben")
    sid = store.start_session(gid, LESSON, "2024-05-07")
    store.set_present(sid, ana, True)
    store.set_present(sid, ben, True)
    store.record_tally(sid, first.id, {first.options[0].key: 1, first.options[1].key: 1})
    store.record_tally(sid, tally_id(second.id), {second.options[0].key: 2})
    store.record_tally(sid, tally_id(first.id), {first.options[0].key: 3})
    store.finish_session(sid)
    code, out, err = report(capsys, data_dir, "--group", "tuesday evening family group")
    assert code == 0 and err == ""
    assert "Miembros de Tuesday evening family group" in out and "Sesiones" in out
    assert "Nombre" in out and "Lecciones terminadas" in out and "Fecha" in out
    line = next(line for line in out.splitlines() if line.startswith("2024-05-07"))
    assert lesson.title in line and " sí " in line
    assert "P1 manos A=1 B=1" in line and "teléfonos A=3" in line and "P2 teléfonos A=2" in line
    assert "(correcta: " in line
    no_english(out, "Tuesday evening family group", lesson.title)
    code, out, err = report(capsys, data_dir, "--group", "Tuesday evening family group", "--format", "csv")
    people, sessions = out.removeprefix(BOM).split("\r\n\r\n")
    assert next(csv.reader(io.StringIO(people)))[0] == "Nombre"
    assert next(csv.reader(io.StringIO(sessions)))[:2] == ["Fecha", "Lección"]
    assert list(csv.reader(io.StringIO(sessions)))[1][3] == "sí"


def test_nothing_yet_and_a_wrong_group_are_said_in_spanish(capsys: pytest.CaptureFixture[str], store: Store,
                                                           data_dir: Path, tmp_path: Path) -> None:
    code, out, _err = report(capsys, data_dir)
    assert code == 0 and "Personas" in out and "Todavía no hay perfiles." in out
    no_english(out)
    code, out, _err = report(capsys, data_dir, "--kiosk")
    assert code == 0 and "Uso de la sala de espera por día" in out and "El quiosco" in out
    no_english(out)
    code, out, err = report(capsys, data_dir, "--group", "Lunes")
    assert code == 1 and "Ningún grupo se llama \u201cLunes\u201d" in err
    no_english(err, "family-course")
    store.create_group("Martes")
    code, out, err = report(capsys, data_dir, "--group", "Lunes")
    assert code == 1 and "\u201cMartes\u201d" in err
    code, out, err = report(capsys, data_dir, "--output", str(tmp_path / "informe.txt"))
    assert code == 0 and "Informe guardado en" in err


def test_the_language_can_come_from_the_environment(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAMILY_COURSE_LANG", "es")
    assert main(["report", "--data-dir", str(data_dir)]) == 0
    assert "Todavía no hay perfiles." in capsys.readouterr().out


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_table_wider_than_the_terminal_puts_its_headers_on_two_lines(language: str) -> None:
    """At 80 columns the people table fits in either language: the headers' words go on two lines."""
    from course.group import report as tables
    from course.i18n import use_language

    use_language(language)
    rows = [("Ana Mar\u00eda", 3, 5, 75, 4, "2025-05-06 18:40"), ("Jos\u00e9", 0, 1, None, 1, "2025-05-06 18:40")]
    header = tables.header(tables.PROFILE_HEADER)
    wide = tables.table(header, rows)
    assert max(len(line) for line in wide.splitlines()) > 80  # one line of headers does not fit
    text = tables.table(header, rows, width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80, text
    assert " ".join(" ".join(lines[:2]).split()) != ""
    for column in header:
        for word in column.split():
            assert word in lines[0] or word in lines[1], (word, text)
    assert set(lines[2]) == {"-", " "} and lines[3].startswith("Ana Mar\u00eda") and lines[4].startswith("Jos\u00e9")
    assert tables.table(header, rows, width=200) == wide  # room enough: one line, as before
