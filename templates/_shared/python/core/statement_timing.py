"""How long the database takes over each SQL statement, for /metrics and its dashboard.

SQLAlchemy calls listeners just before it hands a statement to the database driver
and just after the answer comes back (its cursor events); the time in between is the
database's (and the network's) share of a request. A statement that fails is timed
too: on SQLite a write that waited its whole busy timeout for the lock is exactly
what this panel should show.
"""

import time
from typing import Any

from prometheus_client import Histogram
from sqlalchemy import Engine, event

STATEMENT_SECONDS = Histogram(
    "db_query_duration_seconds",
    "Time the database took to answer one SQL statement.",
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)


def time_statements(engine: Engine) -> None:
    """Observe every statement `engine` runs in STATEMENT_SECONDS."""
    event.listen(engine, "before_cursor_execute", _start_clock)
    event.listen(engine, "after_cursor_execute", _stop_clock)
    event.listen(engine, "handle_error", _stop_clock_on_error)


# The clock is kept on the statement's execution context, which lives exactly as long
# as that one statement (a connection may run many, and a failed one never ends).
def _start_clock(
    _connection: Any, _cursor: Any, _statement: str, _parameters: Any, context: Any, _many: bool
) -> None:
    context.statement_started = time.perf_counter()


def _stop_clock(
    _connection: Any, _cursor: Any, _statement: str, _parameters: Any, context: Any, _many: bool
) -> None:
    _observe(context)


def _stop_clock_on_error(exception_context: Any) -> None:
    _observe(exception_context.execution_context)


def _observe(context: Any) -> None:
    started = getattr(context, "statement_started", None)
    if started is not None:
        STATEMENT_SECONDS.observe(time.perf_counter() - started)
