"""Classes that stock nbgrader and its formgrader load from the course configuration."""
