"""The core: parsing, store, policy, rules, drafting, bundles and the audit log.

Nothing under this package may import PySide6 or rep_assistant.ui (tests/core/test_border.py),
so the command line, the tests and the GUI all share one implementation.
"""
