"""Write the compiled copies of the shipped rule packs: `python scripts/compile_packs.py`.

Each `rules/<name>.toml` gets `src/proselint_fic/data/packs/<name>.json`, its tables as
JSON with a CRC-32 of the TOML (see `proselint_fic.pack_source`). `--check` exits 1 when a
copy is missing or out of date (the test suite runs it that way); a stale copy is never
read, it only makes start-up slower.
"""

from __future__ import annotations

import sys
from pathlib import Path

from proselint_fic.pack_source import compile_pack, compiled_copy
from proselint_fic.resources import rules_dir


def expected() -> dict[Path, str]:
    copies: dict[Path, str] = {}
    for pack in sorted(rules_dir().glob("*.toml")):
        target = compiled_copy(pack)
        assert target is not None
        copies[target] = compile_pack(pack.read_bytes())
    return copies


def main(argv: list[str]) -> int:
    copies = expected()
    stale = [t for t, text in copies.items() if not t.exists() or t.read_text("utf-8") != text]
    folder = next(iter(copies)).parent if copies else None
    extra = [] if folder is None else [f for f in folder.glob("*.json") if f not in copies]
    if "--check" in argv:
        for target in [*stale, *extra]:
            print(f"{target} is out of date: run python scripts/compile_packs.py", file=sys.stderr)
        return 1 if stale or extra else 0
    for target in stale:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(copies[target], encoding="utf-8", newline="\n")
        print(f"wrote {target}")
    for target in extra:
        target.unlink()
        print(f"removed {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
