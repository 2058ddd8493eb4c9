"""``python -m proselint_fic`` runs the command line."""

from proselint_fic.cli import run

run()
