"""Comments under articles."""
