"""``family-course account ...`` and ``family-course serve`` on the command line."""

from __future__ import annotations

import getpass
import io
import socket
from pathlib import Path

import pytest

from course.cli import build_parser, main
from course.web.accounts import Accounts

PASSWORD = "correct horse battery"


class Typed(io.StringIO):
    """Standard input that is a terminal (the password is then asked for, with getpass)."""

    def isatty(self) -> bool:
        return True


def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--data-dir", str(data_dir), *args])


@pytest.mark.usefixtures("fast_hashing")
def test_accounts_from_a_script(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, monkeypatch, "account", "list") == 0
    assert "No accounts yet" in capsys.readouterr().out
    assert run(data_dir, monkeypatch, "account", "add", "Garcia family", stdin=f"{PASSWORD}\n") == 0
    assert "Account 'Garcia family' made." in capsys.readouterr().out
    assert run(data_dir, monkeypatch, "account", "add", "GARCIA FAMILY", stdin=f"{PASSWORD}\n") == 1
    assert "already an account named 'Garcia family'" in capsys.readouterr().err
    assert run(data_dir, monkeypatch, "account", "add", "Ben", stdin="short\n") == 1
    assert "at least 10 characters" in capsys.readouterr().err
    assert run(data_dir, monkeypatch, "account", "add", "../x", stdin=f"{PASSWORD}\n") == 1
    assert "cannot contain / or \\" in capsys.readouterr().err
    assert run(data_dir, monkeypatch, "account", "password", "garcia family", stdin="a new long password\n") == 0
    assert Accounts(data_dir).sign_in("Garcia family", "a new long password").opened
    assert run(data_dir, monkeypatch, "account", "password", "Nobody", stdin=f"{PASSWORD}\n") == 1
    assert "no account named 'Nobody'" in capsys.readouterr().err
    for _ in range(5):
        Accounts(data_dir).sign_in("Garcia family", "wrong wrong wrong")
    capsys.readouterr()
    assert run(data_dir, monkeypatch, "account", "list") == 0
    listed = capsys.readouterr().out
    assert "Garcia family  made 20" in listed and "the next try waits 30 seconds" in listed
    assert listed.rstrip().endswith(f"1 account in {data_dir}")
    assert run(data_dir, monkeypatch, "account", "remove", "GARCIA family") == 0
    assert Accounts(data_dir).all() == []


@pytest.mark.usefixtures("fast_hashing")
def test_at_a_terminal_the_password_is_asked_twice(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["too short", PASSWORD, "a typo in it", PASSWORD, PASSWORD])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    monkeypatch.setattr("sys.stdin", Typed())
    assert main(["--data-dir", str(data_dir), "account", "add", "Ana"]) == 0
    said = capsys.readouterr().err
    assert "at least 10 characters" in said and "The two passwords are not the same." in said
    assert Accounts(data_dir).sign_in("ana", PASSWORD).opened


@pytest.mark.usefixtures("fast_hashing")
def test_removing_at_a_terminal_asks_for_the_name(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    Accounts(data_dir).add("Ana", PASSWORD)
    monkeypatch.setattr("sys.stdin", Typed("Ben\n"))
    assert main(["--data-dir", str(data_dir), "account", "remove", "Ana"]) == 1
    assert "Nothing was removed." in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", Typed("ana\n"))
    assert main(["--data-dir", str(data_dir), "account", "remove", "Ana"]) == 0
    assert Accounts(data_dir).all() == []


@pytest.mark.parametrize(("options", "says"), [
    (["--host", "0.0.0.0"], "needs --public-url"),
    (["--public-url", "https://clinic.example.org/course"], "root of a host name"),
    (["--max-sessions", "0"], "at least 1"),
])
def test_serve_options_that_cannot_work(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str], options: list[str], says: str) -> None:
    assert run(data_dir, monkeypatch, "serve", *options) == 2
    assert says in capsys.readouterr().err


def test_serve_on_a_port_in_use_says_so(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert run(data_dir, monkeypatch, "serve", "--port", str(port)) == 1
    said = capsys.readouterr().err
    assert "no accounts yet" in said
    assert f"cannot listen on 127.0.0.1:{port}" in said and "Traceback" not in said


def test_the_commands_are_on_the_command_line() -> None:
    parser = build_parser()
    usage = parser.format_help()
    assert "account" in usage and "serve" in usage
    args = parser.parse_args(["serve"])
    assert (args.host, args.port, args.public_url, args.max_sessions, args.idle_timeout) == (
        "127.0.0.1", 8000, None, 20, 1800.0)
