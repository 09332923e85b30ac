"""Deadline reminders: when they are due (plan.py, pure date policy) and what they say (message.py)."""
