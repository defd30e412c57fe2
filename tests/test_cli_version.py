"""`lkjip --version` (or `python -m pipeline --version`) prints the installed version; every option of every
command says its default in --help."""
from __future__ import annotations

import pytest

from pipeline.cli import build_parser, main


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip().split()[-1][0].isdigit()


def test_every_option_with_a_default_names_it_in_its_help():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name, command in commands.items():
        for action in command._actions:
            if action.option_strings and action.default not in (None, False) and action.dest != "help":
                assert action.help and "default" in action.help, (name, action.option_strings)
