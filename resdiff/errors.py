"""Errors that reach the user as one line: ``resdiff: <file>: <problem>``."""

from __future__ import annotations


class ResdiffError(Exception):
    """A problem with an input or an output the user can act on (exit code 2)."""

    def __init__(self, problem: str, path: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path else self.problem


class InputError(ResdiffError):
    """An input file cannot be read, decoded or parsed."""


class OutputError(ResdiffError):
    """A report cannot be written where asked."""
