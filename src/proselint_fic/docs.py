"""Rule documentation generated from rule metadata (``explain`` and ``docs/rules.md``)."""

from __future__ import annotations

from collections.abc import Iterable

from proselint_fic.rule import RuleMeta


def fix_label(meta: RuleMeta) -> str:
    """How a rule's fix is applied: `safe` (by `--fix`), `unsafe` (by `--unsafe-fixes`),
    or none when the rule offers no fix."""
    if not meta.fixes:
        return "none"
    return "safe (`--fix`)" if meta.fix_safety == "safe" else "unsafe (`--unsafe-fixes`)"


def rule_markdown(meta: RuleMeta) -> str:
    lines = [
        f"## {meta.id}",
        "",
        meta.summary,
        "",
        f"- category: `{meta.category}`",
        f"- default severity: `{meta.severity.value}`",
        f"- scope: `{meta.scope}`",
        f"- on by default: {'yes' if meta.enabled_by_default else 'no'}",
        f"- fix: {fix_label(meta)}",
        f"- locality: `{meta.locality}`",
        f"- message: {meta.message}",
    ]
    if meta.source:
        lines.append(f"- source: {meta.source}")
    if meta.service:
        lines.append(
            f"- needs: a {meta.service} server (silent without one; docs/{meta.service}.md)"
        )
    if meta.docs:
        lines += ["", meta.docs.strip()]
    if meta.flags:
        lines += ["", "Flagged:", ""] + [f"    {example}" for example in meta.flags]
    if meta.passes:
        lines += ["", "Left alone:", ""] + [f"    {example}" for example in meta.passes]
    if meta.fixes:
        lines += ["", "Fixes:", ""]
        lines += [f"    {fix.before}\n    -> {fix.after}" for fix in meta.fixes]
    return "\n".join(lines) + "\n"


def rules_reference(metas: Iterable[RuleMeta]) -> str:
    ordered = sorted(metas, key=lambda m: m.id)
    header = [
        "# Rule reference",
        "",
        "Generated from rule metadata by `python scripts/gen_rule_docs.py`; do not edit by hand.",
        "",
        "| rule | category | severity | scope | fix | summary |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    rows = [
        f"| [{m.id}](#{m.id.replace('.', '')}) | {m.category} | {m.severity.value} | {m.scope} | "
        f"{fix_label(m).split(' ')[0]} | "
        f"{m.summary}{'' if m.enabled_by_default else ' (off by default)'} |"
        for m in ordered
    ]
    sections = [rule_markdown(m) for m in ordered]
    return "\n".join(header + rows) + "\n\n" + "\n".join(sections)
