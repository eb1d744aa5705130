"""A separate process that writes to a store and reports each write once it has returned.

    python -m tests.store.store_worker DATA_DIR MODE [ARGS...]

Every line on stdout is printed (and flushed) only after the store call returned, so the parent
knows exactly which writes were acknowledged when the process was killed.

Modes:
  mix PROFILE_ID COUNT    answers on an existing profile, plus a new profile and a deleted one
  answers PROFILE_ID COUNT TAG
  profiles COUNT TAG
  keep-going PROFILE_ID COUNT   answers; a StoreError is reported ("storeerror ...") and the next one tried
"""

from __future__ import annotations

import sys
from pathlib import Path

from course.store import Store, StoreError


def say(*words: str) -> None:
    sys.stdout.write(" ".join(words) + "\n")
    sys.stdout.flush()


def mix(store: Store, pid: str, count: int) -> None:
    doomed = store.create_profile("doomed")
    say("profile", doomed)
    store.record_answer(doomed, "l1", "q-doomed", ["a"], True)
    say("answer", doomed, "q-doomed")
    for i in range(count):
        store.record_answer(pid, "l1", f"q{i}", ["a", "b"], i % 2 == 0)
        say("answer", pid, f"q{i}")
        if i == count // 3:
            fresh = store.create_profile(f"fresh {i}")
            say("profile", fresh)
            store.record_answer(fresh, "l2", "q-fresh", ["c"], False)
            say("answer", fresh, "q-fresh")
        if i == count // 2:
            say("deleting", doomed)  # from here on, either outcome is right until "deleted"
            store.delete_profile(doomed)
            say("deleted", doomed)
    say("done")


def main(argv: list[str]) -> int:
    data_dir, mode, *rest = argv
    store = Store(Path(data_dir))
    say("ready")
    if mode == "mix":
        mix(store, rest[0], int(rest[1]))
    elif mode == "answers":
        pid, count, tag = rest
        for i in range(int(count)):
            store.record_answer(pid, "l1", f"{tag}-{i}", ["a"], True)
            say("answer", pid, f"{tag}-{i}")
    elif mode == "keep-going":
        pid, count = rest
        for i in range(int(count)):
            try:
                store.record_answer(pid, "l1", f"q{i}", ["a"], True)
            except StoreError as exc:
                say("storeerror", str(exc).replace("\n", " "))
            else:
                say("answer", pid, f"q{i}")
    elif mode == "profiles":
        count, tag = rest
        for i in range(int(count)):
            say("profile", store.create_profile(f"{tag}-{i}"), f"{tag}-{i}")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
