"""sütun inside engines people already run: datatrove (local, Slurm, Ray executors) and Ray Data."""
