"""The only module that touches Copier's or Jinja's internals: two guarded speed-ups.

Each is measured (bench/generation.py), in force only while one rendering runs,
skipped when the Copier or Jinja in use lacks what it replaces (the rendering is
then plain Copier), and names the upstream change that would let it go.
tests/render/test_shortcuts.py compares the result with a plain ``copier copy``.

- Per-file git call: after writing each file, Copier runs ``git config`` (about
  5 ms) to learn whether the destination's git ignores file modes; the tool
  renders into a fresh folder that tracks nothing, so the answer never matters.
  Goes when Copier asks once per run or only for files git tracks.
- Path parts compiled again: Copier compiles every part of every path with
  ``from_string`` (about 900 compilations of some 300 strings); each is compiled
  once per rendering here. Goes when Copier keeps the templates it compiles from
  strings (as Jinja's loader cache does for files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any


@contextmanager
def applied() -> Iterator[None]:
    """Apply the patches that fit the installed Copier and Jinja for one rendering."""
    with ExitStack() as undo:
        for owner, name, make_replacement in _PATCHES:
            target = owner()
            if target is not None and callable(getattr(target, name, None)):
                undo.enter_context(_replaced(target, name, make_replacement(getattr(target, name))))
        yield


def _copier_worker() -> Any:
    try:
        from copier._main import Worker
    except ImportError:  # moved or renamed: plain Copier
        return None
    return Worker


def _sandboxed_environment() -> Any:
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment


def _no_git_index_sync(_original: Any) -> Callable[..., None]:
    def skip(*_args: object, **_kwargs: object) -> None:
        """Nothing is tracked in the fresh folder being rendered: nothing to sync."""

    return skip


def _compiled_once(original: Any) -> Callable[..., Any]:
    loaded: dict[tuple[int, str], tuple[Any, Any]] = {}  # (environment id, source) -> pair

    def from_string(env: Any, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return original(env, source, globals, template_class)
        kept = loaded.get((id(env), source))
        if kept is None or kept[0] is not env:  # (an id is reused once its object is gone)
            kept = loaded[id(env), source] = (env, original(env, source))
        else:
            env.preprocess(source)  # as compiling does: Copier's {% yield %} resets there
        return kept[1]

    return from_string


_PATCHES: tuple[tuple[Callable[[], Any], str, Callable[[Any], Callable[..., Any]]], ...] = (
    (_copier_worker, "_sync_git_index_executable_bit", _no_git_index_sync),
    (_sandboxed_environment, "from_string", _compiled_once),
)


@contextmanager
def _replaced(owner: Any, name: str, replacement: Any) -> Iterator[None]:
    """Set ``owner.name`` to ``replacement`` for the duration of the block."""
    had_own = name in vars(owner)
    original = vars(owner).get(name)
    setattr(owner, name, replacement)
    try:
        yield
    finally:
        if had_own:
            setattr(owner, name, original)
        else:
            delattr(owner, name)  # it was inherited: inherit it again
