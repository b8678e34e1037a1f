"""The catalogue: categories and products, browsed by anyone, changed by admins."""
