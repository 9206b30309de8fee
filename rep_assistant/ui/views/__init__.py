"""Widgets and dialogs of the review desk; they show what the core returns and hold no rules."""
