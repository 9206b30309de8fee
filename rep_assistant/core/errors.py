"""Two kinds of failure, as in qutebrowser's misc/sql.py.

A RepError is the environment's or the input's fault (a wrong file, a locked or damaged store,
a full disk): it carries one plain sentence that the CLI prints and the GUI shows, saying what
is wrong and what to do. Anything else is our bug and goes down the crash path.
"""


class RepError(Exception):
    """A problem the user can act on. str(error) is the whole message shown to them."""


class BadExportError(RepError):
    """The file given is not a WhatsApp export we can read (or a zip we refuse to open)."""


class StoreError(RepError):
    """The store cannot be used: damaged, locked, on a full disk, or from a newer version."""


class PolicyError(RepError):
    """A policy document or policy file cannot be read or is not valid."""


class NotFoundError(RepError):
    """A chat, member, flag or incident named by the user does not exist."""


class Cancelled(Exception):  # noqa: N818 - it is an outcome, not an error
    """The user cancelled a long operation; everything it did has been rolled back."""
