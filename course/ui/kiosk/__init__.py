"""Kiosk mode: an unattended waiting-room screen that keeps nothing about the people who use it.

``keys`` (which keys do what), ``counting`` (the guest that bumps the anonymous counters), ``idle`` (when to
ask "Are you still there?" and when to start over), ``controller`` (the session, the lock-down and the staff
exit), ``screens`` (start screen, lesson list, idle prompt, staff PIN), ``signals`` and ``serve`` (running it
for months).
"""
