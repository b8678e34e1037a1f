"""Framework-neutral, black-box HTTP contract suites: one folder per kind.

tests/contracts/<kind>/test_*.py speak only HTTP to a running server. The harness
in conftest.py runs each suite against every framework that offers its kind
(generated, installed and served with `make run`), or against an already-running
server given with ``--contract-base-url``.
"""
