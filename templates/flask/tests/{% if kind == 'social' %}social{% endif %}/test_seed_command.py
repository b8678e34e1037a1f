"""`make seed` runs `flask --app app seed`: it seeds once, then says there is nothing to do."""

from flask.testing import FlaskCliRunner


def test_the_seed_command_seeds_once_and_says_so(runner: FlaskCliRunner) -> None:
    first = runner.invoke(args=["seed"])
    second = runner.invoke(args=["seed"])

    assert first.exit_code == 0, first.output
    assert "Sign in as" in first.output
    assert "nothing to do" in second.output
