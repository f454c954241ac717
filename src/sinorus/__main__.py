"""`python -m sinorus`: the command-line interface."""

from sinorus.cli import main

raise SystemExit(main())
