"""Jinja's compiled templates, kept between runs in the user's cache folder.

Before Jinja renders a template it compiles it to Python code: file contents,
every part of every path name, the answers file's name. For one `new` that is
about 170 compilations, a quarter of the time the rendering takes. The result
depends only on the template's source and name, on the environment's syntax
and extensions, and on the Python and Jinja versions, so it can be kept from one
run to the next, as Python keeps its .pyc files.

One thing must not be kept: Jinja evaluates constant expressions at compile
time, filters included, both in its optimiser and when it writes an output
(``{{ '%Y' | strftime }}`` would become this year, for ever). Code kept here is
compiled with the optimiser off and with only literal text and literal values
written out at compile time: every expression is evaluated when the template
renders, so each run gets what Jinja would have given it.

Compiled code is kept beside a release tree (releases.py), one file per Python
and Jinja version: the template files then have the same path on every run (a
fresh clone's files do not), and the code goes when the release does. It may be
deleted at any time; a missing, unreadable or damaged file, or a folder that
cannot be written, only makes the next run slower.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
from contextlib import suppress
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator

MAX_ENTRIES = 3000
"""Several times what every kind and framework of a release need; beyond it, the
least recently used code goes first."""

FILE_NAME = f"jinja-{jinja2.__version__}-py{importlib.util.MAGIC_NUMBER.hex()}.marshal"
"""Compiled code is specific to the Jinja and Python versions that made it."""


class CompiledTemplates:
    """Compiled template code by source, loaded from and saved to one file."""

    def __init__(self, path: Path | None) -> None:
        """Load the code kept in ``path``; None keeps code for this run only."""
        # Without the hook that keeps expressions for render time (a future Jinja
        # may rename it), code is kept for this run only too.
        self.path = path if _CAN_DEFER_OUTPUTS else None
        self._code: dict[str, CodeType] = _load(self.path) if self.path else {}
        self._used: dict[str, None] = {}  # in order of first use
        self._new = 0
        # Environments compare by identity, and live as long as the run.
        self._syntax_by_env: dict[jinja2.Environment, str] = {}

    def compile(
        self,
        compile_source: Any,
        env: jinja2.Environment,
        source: str,
        name: str | None,
        filename: str | None,
        defer_init: bool,
    ) -> CodeType:
        """The code of ``source``, compiled (unoptimised) only if it was never kept.

        ``compile_source`` is Jinja's own ``Environment.compile``.
        """
        syntax = self._syntax_by_env.get(env)
        if syntax is None:
            syntax = self._syntax_by_env[env] = repr(_syntax(env))
        key = _key(syntax, source, name, filename, defer_init)
        code = self._code.get(key)
        if code is not None:
            # Compiling runs the extensions' preprocess hooks, and some keep state
            # there: Copier's {% yield %} forgets the last path's loop. Run them.
            env.preprocess(source, name, filename)
        else:
            optimized, generator = env.optimized, env.code_generator_class
            generator_class: Any = generator
            env.optimized = False
            env.code_generator_class = _evaluating_when_rendering(generator_class)
            try:
                code = compile_source(env, source, name, filename, False, defer_init)
            finally:
                env.optimized, env.code_generator_class = optimized, generator
            self._code[key] = code
            self._new += 1
        self._used[key] = None
        return code

    def save(self) -> None:
        """Write the cache back if this run compiled anything new (atomically)."""
        if not self._new or self.path is None:
            return
        # Least recently used first: what this run used moves to the end.
        used = set(self._used)
        kept = {key: code for key, code in self._code.items() if key not in used}
        kept.update((key, self._code[key]) for key in self._used)
        entries = dict(list(kept.items())[-MAX_ENTRIES:])
        partial = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        try:
            partial.write_bytes(marshal.dumps(entries))
            os.replace(partial, self.path)  # readers see the old file or the new one
        except OSError:  # cannot be written: that only costs speed next time
            with suppress(OSError):
                partial.unlink()


_CAN_DEFER_OUTPUTS = hasattr(CodeGenerator, "_output_child_to_const")


@cache
def _evaluating_when_rendering(base: Any) -> type[CodeGenerator]:
    """``base``, but an output's expressions are never evaluated at compile time."""

    class EvaluatingWhenRendering(base):  # type: ignore[misc]
        def _output_child_to_const(self, node: nodes.Expr, *args: Any) -> Any:
            if not isinstance(node, (nodes.TemplateData, nodes.Const)):
                raise nodes.Impossible()  # Jinja then writes code that evaluates it
            return super()._output_child_to_const(node, *args)

    return EvaluatingWhenRendering


def _load(path: Path) -> dict[str, CodeType]:
    try:
        entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {
        key: code
        for key, code in entries.items()
        if isinstance(key, str) and isinstance(code, CodeType)
    }


def _key(syntax: str, source: str, name: str | None, filename: str | None, defer_init: bool) -> str:
    digest = hashlib.sha256(repr((syntax, name, filename, defer_init)).encode())
    digest.update(source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _syntax(env: jinja2.Environment) -> tuple[Any, ...]:
    """Everything of the environment that the compiled code depends on."""
    return (
        _qualified(type(env)),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.is_async,
        _qualified(env.finalize) if env.finalize else None,
        _qualified(env.code_generator_class),
        sorted(env.extensions),
        # The compiler refuses unknown filters and tests: their names matter.
        sorted(env.filters),
        sorted(env.tests),
        sorted(getattr(env, "intercepted_binops", ())),
        sorted(getattr(env, "intercepted_unops", ())),
    )


def _qualified(thing: Any) -> str:
    name = getattr(thing, "__qualname__", type(thing).__name__)
    return f"{getattr(thing, '__module__', '')}.{name}"
