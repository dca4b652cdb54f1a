"""The error of a model's files and life: its message is meant for the user."""
from __future__ import annotations


class ModelError(Exception):
    """A model folder is missing, incomplete or cannot be loaded."""
