"""Generate a project: the module that drives Copier (releases.py only clones with it).

The project is rendered into a temporary folder beside the destination, made a
git repository with one initial commit, and only then moved into place, so a
failure or a Ctrl-C never leaves half a project behind and never touches
anything that was already there.

Rendering takes shortcuts past work Copier repeats without need (see
``_rendering_shortcuts`` and releases.py); each is checked by rendering every
kind and framework both ways and comparing every file.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, redirect_stderr
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from roadmap_scaffold.compiled import CompiledTemplates
from roadmap_scaffold.errors import GenerationError, UserError
from roadmap_scaffold.releases import ReleaseTree, release_tree


@dataclass(frozen=True)
class GenerationRequest:
    """Everything needed to generate one project."""

    destination: Path
    answers: dict[str, Any]
    template: str
    vcs_ref: str | None = None
    git: bool = True


def check_destination(destination: Path) -> None:
    """Refuse a destination that holds anything: nothing of the user's is ever overwritten."""
    if destination.is_symlink() or (destination.exists() and not destination.is_dir()):
        raise UserError(f"{destination} already exists and is not a folder")
    if destination.is_dir() and any(destination.iterdir()):
        raise UserError(f"{destination} already exists and is not empty: choose another folder")
    existing = next(folder for folder in destination.absolute().parents if folder.exists())
    if not existing.is_dir():
        raise UserError(f"{existing} is a file, so {destination} cannot be created inside it")


def generate(request: GenerationRequest) -> Path:
    """Render the template, commit it, and move it into ``request.destination``."""
    destination = request.destination.absolute()
    with staging_for(destination) as project, _git_init_meanwhile(project, request.git) as init:
        render(request, project)
        if init is not None:
            commit_initial(project, request.answers, init)
        move_into_place(project, destination)
    return destination


@contextmanager
def _git_init_meanwhile(project: Path, wanted: bool) -> Iterator[subprocess.Popen[bytes] | None]:
    """Start ``git init`` in the new ``project`` folder, to run while Copier renders.

    ``git init`` needs no files, and on a machine with two cores it is done by
    the time the files are; the process is always waited for (killed on failure).
    """
    if not wanted:
        yield None
        return
    _require_git()
    project.mkdir()
    init = subprocess.Popen(
        ["git", "init", "--quiet", "--initial-branch=main"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        yield init
    finally:
        if init.returncode is None:  # the commit never came to read its result
            init.kill()
            init.communicate()


@contextmanager
def staging_for(destination: Path) -> Iterator[Path]:
    """Yield a not-yet-existing folder beside ``destination`` to build it in.

    Whatever happens, the staging area is removed afterwards; on a failure or a
    Ctrl-C, so are the parent folders made for ``destination``: only what this
    run created is ever removed.
    """
    check_destination(destination)
    created_parents = _missing_parents(destination.parent)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-", dir=destination.parent))
    except OSError as error:
        # The error names the staging folder, which the user never asked for: name theirs.
        for folder in created_parents:
            shutil.rmtree(folder, ignore_errors=True)
        reason = error.strerror or str(error)
        raise UserError(f"cannot create {destination}: {reason}") from error
    try:
        yield staging / destination.name
    except BaseException:
        for folder in created_parents:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _missing_parents(parent: Path) -> list[Path]:
    """The outermost of ``parent`` and its parents that does not exist yet, if any."""
    return [folder for folder in (parent, *parent.parents) if not folder.exists()][-1:]


def render(request: GenerationRequest, project: Path) -> None:
    """Render the template for ``request`` into the folder ``project`` (no git)."""
    from copier.errors import CopierError  # imported late: `list` and `--help` stay instant

    release = release_tree(request.template) if request.vcs_ref is None else None
    kept = CompiledTemplates(release.compiled_code if release else None)
    try:
        with (
            warnings.catch_warnings(),
            redirect_stderr(io.StringIO()),
            _rendering_shortcuts(kept),
        ):
            # Quiet means quiet: Copier still prints notes such as "No git tags found
            # in template; using HEAD as ref", and warns when the template is a source
            # checkout with local edits. Failures arrive as exceptions, handled below.
            warnings.simplefilter("ignore")
            _copy(request, project, release)
    except (CopierError, ValueError) as error:
        # Copier reports failed validators and bad choices as plain ValueError.
        raise GenerationError(_one_line(str(error))) from error


def _copy(request: GenerationRequest, project: Path, release: ReleaseTree | None) -> None:
    """Copier's ``copy``; from the ``release`` tree kept for a bundle, if there is one."""
    from copier import run_copy
    from copier._main import Worker

    options: dict[str, Any] = {
        "data": request.answers,
        "vcs_ref": request.vcs_ref,
        "defaults": True,
        "overwrite": True,
        "quiet": True,
        "unsafe": False,
    }
    if release is None:
        run_copy(request.template, project, **options)
        return
    # What copier.run_copy does, with the template Copier would have cloned
    # already in place (releases.py): the same files, tag and commit.
    with Worker(src_path=request.template, dst_path=project, **options) as worker:
        worker.__dict__["template"] = _cloned_template(worker, release)
        worker.run_copy()


def _cloned_template(worker: Any, release: ReleaseTree) -> Any:
    """Copier's Template for ``worker``, as it is once Copier has cloned ``release``.

    Copier's Template computes these facts (once, as cached properties) from its
    clone; they are set from the release tree instead.
    """
    from copier._template import Template

    template = Template(
        url=worker.src_path, ref=worker.resolved_vcs_ref, use_prereleases=worker.use_prereleases
    )
    template.__dict__.update(
        local_abspath=release.files.resolve(),
        commit=release.commit,
        commit_hash=release.commit_hash,
        git_index_modes=release.modes,
    )
    if release.config is not None:
        template.__dict__["_raw_config"] = release.config
    return template


@contextmanager
def _rendering_shortcuts(kept: CompiledTemplates) -> Iterator[None]:
    """Skip work that Copier repeats but that cannot change the result.

    Every shortcut is undone on exit, and each keeps Copier's result byte for
    byte (tests/render/test_shortcuts.py compares against a plain ``copier copy``):

    - After writing each file, Copier asks git (one subprocess per file) whether
      the destination repository ignores file modes, to re-stage the executable
      bit of files git already tracks. Nothing in the staging folder is tracked
      until the first commit, after rendering, so that sync is a no-op.
    - Copier loads the same Jinja strings again and again (every part of every
      path, the answers file's name once per file): each is loaded once, and
      reused as Jinja reuses the templates it loads from files. And it compiles
      the same templates on every run: compiled code is kept beside a release
      tree for later runs (``kept``, compiled.py).
    - While files render, the answers are final, yet Copier merges them again for
      every string it renders (about 800 times), picks those to record again,
      and renders the answers file's name again for every path: each of these is
      computed once per run instead.
    - Copier reads YAML (the catalog and the kind's data, several times) with
      PyYAML's pure-Python parser; PyYAML's libyaml parser, when it was built
      with it, reads the same documents several times faster.
    """
    import yaml
    from copier._main import Worker
    from copier._user_data import AnswersMap
    from jinja2.sandbox import SandboxedEnvironment

    compile_source: Any = SandboxedEnvironment.compile

    def compile_kept(
        env: Any,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if raw or not isinstance(source, str):  # Python source or a parsed template
            return compile_source(env, source, name, filename, raw, defer_init)
        return kept.compile(compile_source, env, source, name, filename, defer_init)

    from_source: Any = SandboxedEnvironment.from_string
    loaded: dict[tuple[Any, str], Any] = {}  # by environment (compared by identity), source

    def from_string_once(
        env: Any, source: Any, globals: Any = None, template_class: Any = None
    ) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return from_source(env, source, globals, template_class)
        template = loaded.get((env, source))
        if template is None:
            template = loaded[env, source] = from_source(env, source)
        else:
            env.preprocess(source)  # as loading does: Copier's {% yield %} resets there
        return template

    with ExitStack() as undo:
        for owner, name, replacement in (
            (Worker, "_sync_git_index_executable_bit", lambda *_args, **_kwargs: None),
            (SandboxedEnvironment, "compile", compile_kept),
            (SandboxedEnvironment, "from_string", from_string_once),
            (AnswersMap, "combined", _fixed_while_rendering(vars(AnswersMap)["combined"])),
            (Worker, "answers_relpath", _fixed_while_rendering(vars(Worker)["answers_relpath"])),
            (Worker, "_answers_to_remember", _fixed_while_rendering(Worker._answers_to_remember)),
            (yaml, "safe_load", _safe_load_with_libyaml if hasattr(yaml, "CSafeLoader") else None),
        ):
            if replacement is not None:
                undo.enter_context(_replaced(owner, name, replacement))
        undo.callback(kept.save)
        yield


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


def _fixed_while_rendering(attribute: Any) -> Any:
    """``attribute``, computed once per object while Copier renders files.

    ``attribute`` is a property or a method without arguments; in the render
    phase the answers it depends on can no longer change.
    """
    from copier._types import Phase

    compute: Any = attribute.fget if isinstance(attribute, property) else attribute
    values: dict[int, tuple[object, Any]] = {}

    def value(owner: object) -> Any:
        if Phase.current() is not Phase.RENDER:
            return compute(owner)
        kept = values.get(id(owner))
        if kept is None or kept[0] is not owner:  # (an id is reused once its object is gone)
            kept = values[id(owner)] = (owner, compute(owner))
        return kept[1]

    return property(value, doc=attribute.__doc__) if isinstance(attribute, property) else value


def _safe_load_with_libyaml(stream: Any) -> Any:
    import yaml

    return yaml.load(stream, Loader=yaml.CSafeLoader)  # the safe loader, in C


def update_with_copier(
    project: Path, data: dict[str, Any], vcs_ref: str | None, ask_new_questions: bool
) -> None:
    """Run ``copier update`` in ``project``, with conflicts written inline.

    Copier re-renders the project's recorded template version with its recorded
    answers, diffs that against the new version, and applies the diff to the
    project: lines the learner changed are kept, and where both sides changed
    the same lines it writes ``<<<<<<< before updating`` markers.
    """
    from copier import run_update
    from copier.errors import CopierError

    try:
        with warnings.catch_warnings(), redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            run_update(
                project,
                data=data,
                vcs_ref=vcs_ref,
                defaults=not ask_new_questions,
                skip_answered=True,
                overwrite=True,
                conflict="inline",
                quiet=True,
                unsafe=False,
            )
    except (CopierError, ValueError) as error:
        raise GenerationError(_one_line(str(error))) from error


def _one_line(message: str) -> str:
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    return " ".join(lines) or "Copier could not render the template"


def commit_initial(
    project: Path, answers: dict[str, Any], init: subprocess.Popen[bytes] | None = None
) -> CommitIdentity:
    """``git init`` and one initial commit, even when the user has no git identity.

    ``init`` is a ``git init`` already started in ``project``, if there is one.

    The commit holds what ``git add --all`` would add (``.gitignore`` applies).
    ``git add`` stores each file as a file of its own in a folder of its own, and
    on some disks making those folders costs more than the rest of the commit, so
    the files usually go to ``git fast-import``, which writes them all as one
    pack, and ``git reset`` fills the index from the commit. The same tree either
    way (tests/render/test_shortcuts.py checks it for every kind and framework).
    Returns who the commit is by (`commit_identity`).
    """
    committer = commit_identity(
        str(answers.get("author_name") or ""), str(answers.get("author_email") or "")
    )
    identity = committer.env()
    message = f"Start {answers['project_name']} from roadmap-scaffold"
    if init is None:
        _require_git()
        _git(project, "init", "--quiet", "--initial-branch=main")
    else:
        _, error = init.communicate()
        if init.returncode != 0:
            raise GenerationError(f"git init failed: {_one_line(os.fsdecode(error))}")
    listed = _git(project, "ls-files", "-z", "--others", "--exclude-standard")
    files = sorted(name for name in listed.split("\0") if name)
    if _needs_git_add(files, identity):
        env = {**os.environ, **identity}
        _git(project, "add", "--all", env=env)
        _git(project, "-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify",
             "-m", message, env=env)  # fmt: skip
        return committer
    author = f"{identity['GIT_AUTHOR_NAME']} <{identity['GIT_AUTHOR_EMAIL']}>"
    stream = _fast_import_stream(project, files, author, message)
    # Below its unpack limit (100 objects) fast-import writes loose files after all.
    # No search for deltas (--depth=0) and light compression halve its time, for
    # a pack some 10% bigger (about 170 KB for a blog).
    _git(project, "-c", "fastimport.unpackLimit=1", "-c", "pack.compression=1", "fast-import",
         "--quiet", "--depth=0", "--date-format=now", stdin=stream)  # fmt: skip
    _git(project, "reset", "--quiet")
    return committer


def _require_git() -> None:
    if shutil.which("git") is None:
        raise GenerationError("git is not installed: install it, or pass --no-git")


def _needs_git_add(files: list[str], identity: dict[str, str]) -> bool:
    """Whether only ``git add`` + ``git commit`` can make this commit faithfully.

    A ``.gitattributes`` can change what git stores (line endings, filters), and
    only ``git add`` applies it; ``git commit`` tidies names and e-mail addresses
    that fast-import would refuse; and plain file names keep the stream simple.
    """
    unusual_name = re.compile(r'[\x00-\x1f"\\]|/$')
    return (
        any(PurePosixPath(name).name == ".gitattributes" for name in files)
        or any(unusual_name.search(name) for name in files)
        or any(mark in value for value in identity.values() for mark in "<>\n")
    )


def _fast_import_stream(project: Path, files: list[str], author: str, message: str) -> bytes:
    """A commit on ``main`` holding ``files`` (relative to ``project``), as fast-import reads it."""
    text = message.encode()
    ident = author.encode()
    parts = [
        b"commit refs/heads/main\n",
        b"author %s now\ncommitter %s now\n" % (ident, ident),
        b"data %d\n%s\n" % (len(text), text),
    ]
    for name in files:
        path = project / name
        if path.is_symlink():
            mode, content = b"120000", os.fsencode(os.readlink(path))
        else:
            mode = b"100755" if path.stat().st_mode & 0o100 else b"100644"
            content = path.read_bytes()
        encoded = os.fsencode(name)
        parts.append(b'M %s inline "%s"\ndata %d\n%s\n' % (mode, encoded, len(content), content))
    return b"".join(parts)


def _git(
    project: Path, *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> str:
    """Run git in ``project``; its output, or a one-line GenerationError naming the command."""
    result = subprocess.run(
        ["git", *args], cwd=project, env=env, input=stdin, capture_output=True, check=False
    )
    if result.returncode != 0:
        command = next(arg for arg in args if not arg.startswith("-") and "=" not in arg)
        detail = _one_line(os.fsdecode(result.stderr or result.stdout))
        raise GenerationError(f"git {command} failed: {detail}")
    return os.fsdecode(result.stdout)


# Who commits when git knows nobody (no user.name or user.email anywhere): a name
# that says what happened, so that `git log` shows it and the user can amend it.
STAND_IN_NAME = "roadmap-scaffold"
STAND_IN_EMAIL = "roadmap-scaffold@users.noreply.localhost"


@dataclass(frozen=True)
class CommitIdentity:
    """The name and e-mail address the tool's commits carry, as author and committer."""

    name: str
    email: str
    from_git: bool
    """False when git has no identity of its own and this one stands in for it."""

    def env(self) -> dict[str, str]:
        """The environment variables that make ``git commit`` use this identity."""
        return {
            "GIT_AUTHOR_NAME": self.name,
            "GIT_AUTHOR_EMAIL": self.email,
            "GIT_COMMITTER_NAME": self.name,
            "GIT_COMMITTER_EMAIL": self.email,
        }

    def note(self) -> str:
        """One line for the user when git had no identity, else empty."""
        if self.from_git:
            return ""
        return (
            "note: git has no user.name/user.email, so the tool's commits are by "
            f"{self.name} <{self.email}>; set yours with `git config --global user.name "
            "'Your Name'` and `git config --global user.email you@example.com`, then "
            "`git commit --amend --no-edit --reset-author` signs the last one as you"
        )


def commit_identity(author_name: str = "", author_email: str = "") -> CommitIdentity:
    """Who the tool's commits are by: git's own identity, else a stand-in.

    The one place that decides it, for `new`, `classroom new` and `classroom
    update`. git's identity (``GIT_AUTHOR_*`` variables, then ``user.name`` and
    ``user.email``) wins. Without one, git would refuse to commit, so the
    project's author (``author_name``/``author_email``, when known) or else
    STAND_IN_NAME signs instead, and `CommitIdentity.note` says how to amend it.
    """
    configured = git_identity()
    name = os.environ.get("GIT_AUTHOR_NAME") or configured.get("name", "")
    email = os.environ.get("GIT_AUTHOR_EMAIL") or configured.get("email", "")
    if name and email:
        return CommitIdentity(name, email, from_git=True)
    return CommitIdentity(
        name or author_name.strip() or STAND_IN_NAME,
        email or author_email.strip() or STAND_IN_EMAIL,
        from_git=False,
    )


@cache
def git_identity() -> dict[str, str]:
    """The user's git ``user.name`` and ``user.email`` (missing keys are left out)."""
    if shutil.which("git") is None:
        return {}
    result = subprocess.run(
        ["git", "config", "--get-regexp", r"^user\.(name|email)$"],
        capture_output=True,
        text=True,
        check=False,
    )
    identity: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        identity[key.removeprefix("user.")] = value.strip()
    return identity


def move_into_place(project: Path, destination: Path) -> None:
    """Move the finished ``project`` to ``destination``, checking it is still free."""
    check_destination(destination)  # again: something may have appeared meanwhile
    if destination.is_dir():
        destination.rmdir()  # empty, checked above
    os.replace(project, destination)
