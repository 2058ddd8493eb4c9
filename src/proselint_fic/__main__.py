"""``python -m proselint_fic`` runs the command line."""

from proselint_fic.console import run

run()
