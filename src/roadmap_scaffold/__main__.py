"""The ``roadmap-scaffold`` command (its console script), and ``python -m roadmap_scaffold``."""

import sys


def run() -> None:
    """Run the command line, then exit with its status."""
    from roadmap_scaffold.cli import main

    sys.exit(main())


if __name__ == "__main__":
    run()
