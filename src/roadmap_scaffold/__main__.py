"""Allow `python -m roadmap_scaffold`."""

from roadmap_scaffold.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
