"""Orders: checkout, payment, cancellation, shipping and expiry."""
