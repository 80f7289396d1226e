"""Mizan (ميزان): documentation, evidence and accountability for human-rights work on Syria."""

__version__ = "0.1.0"
