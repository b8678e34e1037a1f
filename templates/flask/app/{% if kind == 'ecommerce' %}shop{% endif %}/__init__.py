"""The shop: accounts, the catalogue, carts, orders and payments."""
