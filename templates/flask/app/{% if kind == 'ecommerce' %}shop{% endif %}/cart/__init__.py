"""The cart: one per signed-in customer, one line per product."""
