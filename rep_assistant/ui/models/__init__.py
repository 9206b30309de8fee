"""Qt item models over store ids; rows are fetched lazily and cached, never all at once."""
