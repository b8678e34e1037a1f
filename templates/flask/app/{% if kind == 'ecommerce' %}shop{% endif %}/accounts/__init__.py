"""Accounts: customers and admins, registration, sign-in and the current user."""
