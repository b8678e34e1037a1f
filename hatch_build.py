"""Build hook: ship the template's release versions inside the package.

`roadmap-scaffold` keeps generated projects updatable by recording a git source
with version tags (see src/roadmap_scaffold/store.py). When a wheel or an sdist
is built from a git checkout, this hook bundles every release tag (``v*``) into
``template.bundle`` and adds it to the package. An sdist carries the bundle, so
a wheel built from the sdist (without .git) ships the same one.

A checkout without release tags, and an editable install, ship no bundle: the
tool then generates from its plain template files (not updatable from).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLE = "template.bundle"


class TemplateBundleHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds template.bundle to the wheel (as roadmap_scaffold/template.bundle) and the sdist."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Make the bundle and include it; do nothing for editable installs."""
        if version == "editable":
            return
        bundle = self._make_bundle() or self._bundle_from_sdist()
        if bundle is None:
            return
        target = "roadmap_scaffold/template.bundle" if self.target_name == "wheel" else BUNDLE
        build_data["force_include"][str(bundle)] = target

    def _make_bundle(self) -> Path | None:
        root = Path(self.root)
        if not (root / ".git").exists():
            return None
        tags = subprocess.run(
            ["git", "tag", "--list", "v*"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.split()
        if not tags:
            return None
        bundle = Path(self.directory) / BUNDLE
        bundle.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["git", "bundle", "create", "--quiet", str(bundle), *tags],
            cwd=root,
            check=True,
            capture_output=True,
        )
        return bundle

    def _bundle_from_sdist(self) -> Path | None:
        bundle = Path(self.root) / BUNDLE
        return bundle if bundle.is_file() else None
