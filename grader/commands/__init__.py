"""The ``weakties-grade`` commands: one module per command, each with ``configure_parser`` and ``run``."""
