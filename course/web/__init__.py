"""The course in a web browser (``family-course serve``): accounts, sign-in, one app process per session.

``accounts`` has no user interface and never imports Textual; ``server`` is the aiohttp side; ``sessions`` starts
the course for a signed-in account in a process of its own.
"""
