"""Accounts: unique names whatever their case, hostile names refused, scrypt hashes, the wait after wrong
passwords, one home data folder each, and a write cut off half way that leaves the old accounts intact."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from course.store import Store, atomic
from course.web.accounts import (
    MIN_PASSWORD,
    Accounts,
    BadName,
    BadPassword,
    NameTaken,
    NoSuchAccount,
    Outcome,
    check_name,
)

PASSWORD = "correct horse battery"
OTHER = "another long password"


class PowerCut(BaseException):
    """Stands for the machine losing power: nothing after it runs, no cleanup either."""


def _file(data_dir: Path) -> dict:
    return json.loads((data_dir / "accounts.json").read_text("utf-8"))


@pytest.mark.usefixtures("fast_hashing")
def test_an_account_has_its_own_home_data_folder(accounts: Accounts, data_dir: Path) -> None:
    ana = accounts.add("Ana", PASSWORD)
    ben = accounts.add("Ben", PASSWORD)
    assert [a.name for a in accounts.all()] == ["Ana", "Ben"]
    assert ana.folder.parent == ben.folder.parent == data_dir / "accounts"
    assert ana.folder != ben.folder
    for account in (ana, ben):
        assert len(account.folder.name) == 32 and int(account.folder.name, 16) >= 0  # a random id, not the name
        assert {p.name for p in account.folder.iterdir()} >= {"profiles", "backups", "damaged", ".locks"}
        assert stat.S_IMODE(account.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "accounts.json").stat().st_mode) == 0o600
    with Store(ana.folder) as store:  # a home data folder: the course opens it as it is
        store.create_profile("Grandma")
    with Store(ben.folder) as store:
        assert store.profiles() == []
    assert accounts.find("ana") == ana
    assert accounts.get(ben.id) == ben


@pytest.mark.usefixtures("fast_hashing")
@pytest.mark.parametrize(("first", "second"), [
    ("Ana", "ana"), ("Ana", "ANA"), ("Ana", "  Ana  "), ("Ana", "Ａｎａ"), ("Straße", "STRASSE"),
    ("Zoë", "ZOË"), ("Zoë", "Zoe\u0308"), ("ΣΟΦΙΑ", "σοφια"),
])
def test_names_are_unique_whatever_their_case(accounts: Accounts, first: str, second: str) -> None:
    accounts.add(first, PASSWORD)
    with pytest.raises(NameTaken, match="already an account"):
        accounts.add(second, PASSWORD)
    assert len(accounts.all()) == 1
    assert accounts.find(second) is not None


@pytest.mark.usefixtures("fast_hashing")
def test_any_letter_of_any_script_makes_a_name(accounts: Accounts) -> None:
    names = ["Zoë", "Familia Muñoz", "أسرة", "家族", "Семья", "O'Brien-Smith", "ana.garcia@example.org", "7"]
    for name in names:
        accounts.add(name, PASSWORD)
    assert [a.name for a in accounts.all()] == names
    assert sorted(p.name for p in (accounts.folders).iterdir()) == sorted(a.id for a in accounts.all())


@pytest.mark.parametrize("name", [
    "", "   ", "../../etc", "a/b", "a\\b", "/", "ana\n", "ana\r", "\x1b[31mred", "nul\x00l", "tab\tname",
    "\u202eevil", "a\u2066b", "zero\u200bwidth", "line\u2028break", "x" * 65, "...", "--",
])
def test_hostile_names_are_refused(accounts: Accounts, name: str, data_dir: Path) -> None:
    with pytest.raises(BadName):
        accounts.add(name, PASSWORD)
    assert accounts.all() == []
    assert not (data_dir / "accounts").exists() or not list((data_dir / "accounts").iterdir())


def test_joiners_that_scripts_need_are_kept() -> None:
    assert check_name("क्\u200dष") == "क्\u200dष"


@pytest.mark.usefixtures("fast_hashing")
@pytest.mark.parametrize("password", ["", "short", "x" * (MIN_PASSWORD - 1), "x" * 1025])
def test_passwords_need_ten_characters(accounts: Accounts, password: str) -> None:
    with pytest.raises(BadPassword):
        accounts.add("Ana", password)
    assert accounts.all() == []
    accounts.add("Ana", "x" * MIN_PASSWORD)


def test_passwords_are_kept_only_as_salted_scrypt_hashes(accounts: Accounts, data_dir: Path) -> None:
    accounts.add("Ana", PASSWORD)
    accounts.add("Ben", PASSWORD)
    raw = (data_dir / "accounts.json").read_text("utf-8")
    assert PASSWORD not in raw
    first, second = (entry["password"] for entry in _file(data_dir)["accounts"])
    assert first["algo"] == "scrypt" and first["n"] >= 2**14 and first["salt"] != second["salt"]
    expected = hashlib.scrypt(PASSWORD.encode(), salt=bytes.fromhex(first["salt"]), n=first["n"], r=first["r"],
                              p=first["p"], dklen=32)
    assert expected.hex() == first["hash"] != second["hash"]


@pytest.mark.usefixtures("fast_hashing")
def test_signing_in(accounts: Accounts) -> None:
    ana = accounts.add("Ana", PASSWORD)
    opened = accounts.sign_in("ANA ", PASSWORD)
    assert opened.outcome is Outcome.OPEN and opened.account == ana
    assert accounts.sign_in("Ana", OTHER).outcome is Outcome.WRONG
    assert accounts.sign_in("Nobody", PASSWORD).outcome is Outcome.WRONG
    assert accounts.sign_in("Ana", "").outcome is Outcome.WRONG
    assert accounts.sign_in("Ana", "x" * 5000).outcome is Outcome.WRONG
    assert accounts.sign_in("../Ana", PASSWORD).outcome is Outcome.WRONG


@pytest.mark.usefixtures("fast_hashing")
def test_wrong_passwords_make_the_next_try_wait(accounts: Accounts, clock: list[float], data_dir: Path) -> None:
    accounts.add("Ana", PASSWORD)
    for _ in range(4):
        assert accounts.sign_in("Ana", OTHER) .wait == 0
    fifth = accounts.sign_in("Ana", OTHER)
    assert fifth.outcome is Outcome.WRONG and fifth.wait == 30
    locked = accounts.sign_in("Ana", PASSWORD)  # right, but not even checked during the wait
    assert locked.outcome is Outcome.LOCKED and locked.wait == 30
    clock[0] += 31
    assert accounts.sign_in("Ana", OTHER).wait == 60  # the wait doubles
    clock[0] += 61
    assert Accounts(data_dir).sign_in("Ana", PASSWORD).opened  # kept in the file, seen by another process
    assert _file(data_dir)["accounts"][0]["tries"] == {"failures": 0, "locked_until": 0.0}
    assert accounts.sign_in("Ana", OTHER).wait == 0  # a right password starts the count again


@pytest.mark.usefixtures("fast_hashing")
def test_a_new_password_replaces_the_old_and_ends_the_wait(accounts: Accounts, clock: list[float]) -> None:
    accounts.add("Ana", PASSWORD)
    for _ in range(6):
        accounts.sign_in("Ana", "wrong wrong wrong")
    accounts.set_password("ana", OTHER)
    assert accounts.sign_in("Ana", PASSWORD).outcome is Outcome.WRONG
    assert accounts.sign_in("Ana", OTHER).opened
    with pytest.raises(BadPassword):
        accounts.set_password("Ana", "short")
    with pytest.raises(NoSuchAccount):
        accounts.set_password("Nobody", OTHER)


@pytest.mark.usefixtures("fast_hashing")
def test_removing_an_account_deletes_its_folder(accounts: Accounts) -> None:
    ana = accounts.add("Ana", PASSWORD)
    ben = accounts.add("Ben", PASSWORD)
    with Store(ana.folder) as store:
        store.create_profile("Grandma")
    assert accounts.remove("ANA") == ana
    assert not ana.folder.exists() and ben.folder.exists()
    assert [a.name for a in accounts.all()] == ["Ben"]
    assert accounts.sign_in("Ana", PASSWORD).outcome is Outcome.WRONG
    with pytest.raises(NoSuchAccount):
        accounts.remove("Ana")
    accounts.add("ana", OTHER)  # the name is free again, with a new, empty folder
    assert accounts.find("Ana").folder != ana.folder


@pytest.mark.usefixtures("fast_hashing")
def test_a_write_cut_off_half_way_leaves_the_old_accounts(
    accounts: Accounts, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add("Ana", PASSWORD)
    before = (data_dir / "accounts.json").read_bytes()
    for cut in (0, 1, 10, len(before) // 2, len(before) - 1, len(before) + 50):
        def stop_after(fd: int, data: bytes, cut: int = cut) -> None:
            os.write(fd, data[:cut])
            raise PowerCut

        with monkeypatch.context() as m:
            m.setattr(atomic, "write_all", stop_after)
            with pytest.raises(PowerCut):
                accounts.add("Ben", PASSWORD)
        assert (data_dir / "accounts.json").read_bytes() == before, cut
        assert list(data_dir.glob("accounts.json.tmp-*")), "a cut-off write leaves its temp file, as a crash would"
        assert [a.name for a in Accounts(data_dir).all()] == ["Ana"]
    accounts.add("Ben", PASSWORD)
    assert not list(data_dir.glob("accounts.json.tmp-*")), "the next change clears them"
    assert [a.name for a in accounts.all()] == ["Ana", "Ben"]


def test_a_process_killed_while_adding_accounts_leaves_a_readable_file(data_dir: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from course.store import pins\n"
        "from course.web.accounts import Accounts\n"
        "pins.SCRYPT_N = 2**4\n"
        "accounts = Accounts(Path(sys.argv[1]))\n"
        "for i in range(100000):\n"
        "    accounts.add(f'family {i}', 'a long enough password')\n"
        "    print(i, flush=True)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        for _ in range(30):
            done = int(proc.stdout.readline())
    finally:
        proc.kill()
        proc.wait()
    names = [a.name for a in Accounts(data_dir).all()]
    assert len(names) >= done + 1
    assert names == [f"family {i}" for i in range(len(names))]


def test_a_damaged_file_is_reported_and_left_alone(accounts: Accounts, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "accounts.json").write_text("{not json", "utf-8")
    with pytest.raises(Exception, match="damaged") as error:
        accounts.all()
    assert str(data_dir / "accounts.json") in str(error.value)
    with pytest.raises(Exception, match="damaged"):
        accounts.add("Ana", PASSWORD)
    assert (data_dir / "accounts.json").read_text("utf-8") == "{not json"


def test_accounts_need_no_user_interface() -> None:
    code = ("import sys, course.web.accounts\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'aiohttp')\n"
            "             or m.startswith('course.ui')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
