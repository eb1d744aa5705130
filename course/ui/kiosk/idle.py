"""When a visit counts as abandoned: after ``timeout`` seconds without input the kiosk asks "Are you still
there?", and after a further grace period (20 s, or a quarter of the timeout if that is shorter) it starts over.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

MAX_GRACE = 20.0


class Idle(Enum):
    ACTIVE = "active"  # someone used the keyboard or mouse recently
    ASKING = "asking"  # show "Are you still there?" with the seconds left
    EXPIRED = "expired"  # wipe the visit and show the start screen


@dataclass
class IdleWatcher:
    timeout: float
    clock: Callable[[], float] = time.monotonic
    last_input: float = field(init=False)

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError("the idle timeout must be positive")
        self.last_input = self.clock()

    @property
    def grace(self) -> float:
        return min(MAX_GRACE, self.timeout / 4)

    def touch(self) -> None:
        """Someone pressed a key or used the mouse."""
        self.last_input = self.clock()

    def state(self) -> tuple[Idle, float]:
        """The state now, and the seconds left in it (until the question, or until the wipe)."""
        idle = self.clock() - self.last_input
        if idle < self.timeout:
            return Idle.ACTIVE, self.timeout - idle
        left = self.timeout + self.grace - idle
        if left > 0:
            return Idle.ASKING, left
        return Idle.EXPIRED, 0.0
