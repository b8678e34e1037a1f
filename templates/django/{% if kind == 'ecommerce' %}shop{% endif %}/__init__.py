"""The online shop: accounts, catalogue, cart, orders and payments, one Django app each."""
