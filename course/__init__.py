"""Family Course: a terminal course for families of people in intensive outpatient treatment."""

__version__ = "0.1.0"
