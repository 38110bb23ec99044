"""The recorded mistakes and the notebook build scripts are data for the tests, not test
modules: pytest (which imports every module for its doctests) leaves them alone; the
harness loads them by path."""

collect_ignore_glob = ["mistakes/*.py", "notebooks/*.py"]
