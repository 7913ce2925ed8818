"""Change over time: `ea diff` (semantic diff of two model versions, from folders or git
revisions) and `ea impact` (what depends on an element).

- revisions: a side from a folder or a git revision, read without checking out
- diff, diff_report: the comparison (pure) and its text, Markdown and JSON forms
- compare: read, load, refuse, lint and compare two sides (what `ea diff` runs)
- impact, impact_diagram: dependants of an element by relation type, and their diagram
- wording: English and Finnish words shared by the reports
"""
