"""`python -m sinorus`: the command-line interface."""

from sinorus.cli import run

run()
