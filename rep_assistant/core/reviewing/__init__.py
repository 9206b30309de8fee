"""What the review desk reads and decides: the flag queue, the conversation and per-member statistics."""
