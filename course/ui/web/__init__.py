"""The course in a browser tab (``family-course serve``): the home course for one account, files as downloads."""
