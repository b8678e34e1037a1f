"""Password hashing that leaves the server a free core while sign-ins pile up.

Argon2 is slow on purpose (a tenth of a second and 100 MiB per hash, to make guessing
stolen hashes expensive) and argon2-cffi releases Python's GIL while it works. With no
bound, 20 sign-ins at once would keep every core busy and every other request, /health
included, would wait its turn behind them. So at most one hash per core but one runs
at a time; the other sign-ins wait, asleep, and the core left over answers the rest.
The bound is per process: run more processes (WEB_CONCURRENCY) only with more cores.
"""

import os
import threading

from django.contrib.auth.hashers import Argon2PasswordHasher

HASHING_SLOTS = max(1, (os.cpu_count() or 2) - 1)
_hashing_slots = threading.BoundedSemaphore(HASHING_SLOTS)


class BoundedArgon2PasswordHasher(Argon2PasswordHasher):
    """Django's argon2 hasher (same hashes, same "argon2" prefix), HASHING_SLOTS at a time.

    Every path goes through here: the API's sign-in and registration, the admin's
    sign-in, set_password and the dummy check for an unknown account.
    """

    def encode(self, password: str, salt: str) -> str:
        with _hashing_slots:
            return super().encode(password, salt)

    def verify(self, password: str, encoded: str) -> bool:
        with _hashing_slots:
            return super().verify(password, encoded)
