"""The tables every kind shares."""

from django.db import models


class LoginAttempts(models.Model):
    """Recent sign-in attempts of one (account, address) pair or of one address."""

    # A hash of what is counted (core/login_limiter.py).
    key = models.CharField(max_length=64, primary_key=True)
    attempts = models.IntegerField()
    # Unix time at which the current window opened.
    window_start = models.FloatField()

    class Meta:
        db_table = "login_attempts"
        verbose_name_plural = "login attempts"

    def __str__(self) -> str:
        return f"{self.attempts} attempts since {self.window_start}"
