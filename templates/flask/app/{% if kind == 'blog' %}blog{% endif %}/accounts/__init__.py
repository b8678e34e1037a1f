"""Accounts: registration, sign-in, the current user and changes to it."""
