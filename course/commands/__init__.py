"""Subcommands of family-course beyond the course itself (one module each; see course.cli)."""
