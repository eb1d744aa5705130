"""Group mode without the screens: the shared presenter state, facilitator-note helpers, tallies and reports.

Nothing here imports Textual, so reports run from a plain command line and every rule is easy to test.
"""
