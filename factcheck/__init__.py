"""factcheck: find where news reports of the same event disagree, with the evidence to verify it."""

__version__ = "0.1.0"
