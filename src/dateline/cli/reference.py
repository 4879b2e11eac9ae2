"""The command-line reference (docs/cli.md), generated from the commands' own --help.

Written by `scripts/cli_reference.py` and compared with the checked-in file
by the test suite, so the reference cannot drift from the code: change a
command's help, rerun the script, commit both. Help is rendered at a fixed
width, so the file does not depend on the terminal it was made in.
"""

from __future__ import annotations

import click

WIDTH = 100
HEADER = """\
# Command-line reference

Every `dateline` command's `--help`, generated from the code by
`scripts/cli_reference.py` (the tests fail when this file is out of date: rerun
the script after changing a command). The [README](../README.md) tours them.
"""


def _context(command: click.Command, name: str, parent: click.Context | None) -> click.Context:
    settings = {**command.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    return click.Context(command, info_name=name, parent=parent, **settings)


def cli_reference(group: click.Group) -> str:
    """Markdown: the group's help, then each command's, in the order --help lists them."""

    root = _context(group, "dateline", None)
    sections = [HEADER, "## dateline\n", f"```\n{group.get_help(root)}\n```\n"]
    for name in group.list_commands(root):
        command = group.get_command(root, name)
        if command is None or command.hidden:
            continue
        sections.append(f"## dateline {name}\n")
        sections.append(f"```\n{command.get_help(_context(command, name, root))}\n```\n")
    return "\n".join(sections)
