"""Detecting likely breaches: the rules, the scan that stores flags, and the evaluation against labelled chats."""
