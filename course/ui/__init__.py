"""The Textual app. It reads course.content and course.store; they never import it."""
