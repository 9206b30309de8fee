"""The core: parsing, store, policy, rules, drafting, bundles and the audit log.

Nothing under this package may depend on Qt (PySide6) or on rep_assistant.ui (tests/core/test_border.py),
so the command line, the tests and the GUI all share one implementation.
"""
