"""What the grader shows people: tables, terminal text, HTML; student text made inert."""
