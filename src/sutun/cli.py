"""The ``sutun`` command."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.command()
def demo() -> None:
    """Repair a sample article and show the edits."""
    typer.echo("engine not built yet")


@app.command()
def version() -> None:
    """Print the version."""
    from importlib.metadata import version as v

    typer.echo(v("sutun"))
