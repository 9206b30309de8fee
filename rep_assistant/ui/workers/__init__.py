"""Background work: one thread owns every store write and every long operation."""
