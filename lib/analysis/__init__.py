"""Analysis: one answer (align → name), a whole dataset (workers, progress), and the disk cache."""
