"""The attack corpus (see README.md): hostile and broken submissions, and what each gets."""
