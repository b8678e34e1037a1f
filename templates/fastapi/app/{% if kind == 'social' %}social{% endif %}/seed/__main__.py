"""python -m app.social.seed (what `make seed` runs)."""

from app.social.seed import main

main()
