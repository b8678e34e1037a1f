"""Profiles and follows."""
