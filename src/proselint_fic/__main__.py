"""``python -m proselint_fic``: the same command as the ``proselint-fic`` script."""

from __future__ import annotations

from proselint_fic.cli import main

raise SystemExit(main())
