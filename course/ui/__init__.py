"""The Textual app. It reads course.content, and saved data through course.learner and course.services (never
course.store itself; only launch opens the store); none of them imports it."""
