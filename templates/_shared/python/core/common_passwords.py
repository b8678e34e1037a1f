"""Refuse the passwords attackers try first.

common_passwords.txt holds the 20,000 most common passwords of Royce Williams' list
(https://gist.github.com/roycewilliams/226886fd01572964e1431ac8afc999ce, lowercased),
keeping only those of 8 characters or more: shorter ones are refused by the length rule
anyway. A password on it falls to the first guesses, however the login is limited.
"""

from functools import cache
from pathlib import Path

from pydantic_core import PydanticCustomError

COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")


@cache
def common_passwords() -> frozenset[str]:
    """The list, read once, on first use."""
    with COMMON_PASSWORDS_FILE.open(encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines)


def refuse_common_password(password: str) -> str:
    """A pydantic validator: the password, unless it is on the list (in any case)."""
    if password.lower().strip() in common_passwords():
        raise PydanticCustomError("password_too_common", "This password is too common.")
    return password
