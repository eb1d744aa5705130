"""Group mode screens: counselor access, rosters, attendance, the projected lesson, the hand-count quiz, notes."""
