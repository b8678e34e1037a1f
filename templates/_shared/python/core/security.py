"""Password hashing (argon2) and access tokens (JWT), independent of any model."""

import os
import threading
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.core.config import settings

JWT_ALGORITHM = "HS256"


def _build_password_hasher() -> PasswordHasher:
    # argon2 is slow on purpose, to make guessing stolen hashes expensive. The tests
    # hash hundreds of passwords, so they use the cheapest parameters argon2 allows.
    if settings.APP_ENV == "test":
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()


password_hasher = _build_password_hasher()

# argon2 keeps a CPU core busy for a while (and releases Python's GIL meanwhile). With
# no bound, 20 sign-ins at once would take every core and leave none to answer other
# requests, /health included. So at most this many hashes run at once, leaving one
# core free; the other sign-ins wait their turn, asleep.
_hashing_slots = threading.BoundedSemaphore(max(1, (os.cpu_count() or 2) - 1))

# Verified against when the account does not exist, so that "unknown e-mail" takes
# as long as "wrong password" and response times do not reveal who has an account.
_DUMMY_HASH = password_hasher.hash("dummy password for timing")


def hash_password(password: str) -> str:
    """The argon2 hash of a password. Slow on purpose: call it with no transaction open."""
    with _hashing_slots:
        return password_hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Whether the password matches the hash. No hash (no such user) never matches.

    Slow on purpose, like hash_password: call it with no transaction open."""
    try:
        with _hashing_slots:
            password_hasher.verify(password_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return password_hash is not None


def create_access_token(subject: str) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": subject,
        "iat": now,
        "exp": now + timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES),
    }
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=JWT_ALGORITHM)


def read_access_token(token: str) -> str | None:
    """The token's subject, or None if the token is forged, expired or malformed.

    `exp` is required: a signed token without one would never expire."""
    try:
        claims = jwt.decode(
            token,
            settings.SECRET_KEY,
            algorithms=[JWT_ALGORITHM],
            options={"require": ["sub", "exp"]},
        )
    except jwt.PyJWTError:
        return None
    subject = claims["sub"]
    return subject if isinstance(subject, str) else None
