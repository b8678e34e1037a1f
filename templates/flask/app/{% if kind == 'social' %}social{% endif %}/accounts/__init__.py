"""Accounts: registration, sign-in and the current user."""
