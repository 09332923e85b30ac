"""Helpers shared by tests of several packages (test databases, nudge fixtures)."""
