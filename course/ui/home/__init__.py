"""Home mode: one family's course on its own computer, with profiles that keep progress and a journal."""
