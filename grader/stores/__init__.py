"""What the grader reads and writes: the course folder, the gradebook, statuses, rosters, results."""
