"""Change over time: `ea diff` (semantic diff of two model versions, from folders or git
revisions) and `ea impact` (what depends on an element).

- revisions: a side from a folder or a git revision, read without checking out
- compare: read, load, lint and compare two sides (what `ea diff` runs); a side that does
  not load cleanly is compared all the same, its load errors counted as findings
- diff (the comparison, pure), diff_result (its data), diff_findings (findings that
  appear and go), diff_report and diff_summary (text, Markdown and JSON, in words)
- impact, impact_diagram: dependants of an element by relation type, and their diagram
- wording: the words of change reports that are not the metamodel's (severities, money)

May import the model, loader, lint, config, diagrams (through its facade), diagnostics
and files; never the CLI or the report. Nothing here writes files.
"""
