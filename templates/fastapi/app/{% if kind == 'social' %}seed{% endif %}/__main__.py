"""python -m app.seed (what `make seed` runs)."""

from app.seed import main

main()
