"""Payments: the provider interface, the offline sandbox and the signed webhook."""
