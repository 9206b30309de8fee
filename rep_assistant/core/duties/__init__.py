"""The rep's data duties: the audit log, retention, erasure, subject access, backups and wiping deleted bytes."""
