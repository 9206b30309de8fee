"""Subcommands of the ``rep-assistant`` command line, one module per area.

Each module has ``register(subparsers)``, adding its commands with ``set_defaults(func=...)``;
a command function takes the parsed args and returns an exit status. The modules are thin:
they parse arguments, call the core and format its results.
"""

#: Modules registered, in the order their commands appear in --help.
COMMAND_MODULES = (
    "rep_assistant.commands.chat_cmds",
    "rep_assistant.commands.scan_cmds",
    "rep_assistant.commands.policy_cmds",
    "rep_assistant.commands.review_cmds",
    "rep_assistant.commands.act_cmds",
    "rep_assistant.commands.data_cmds",
)
