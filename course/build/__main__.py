"""`python -m course.build`: build the lesson notebooks from their sources and check their claims.

Run it from the project folder with the course's Python::

    .venv/bin/python -m course.build             # build every lesson, write what changed
    .venv/bin/python -m course.build 01          # only lesson 01
    .venv/bin/python -m course.build --check     # write nothing; fail on a stale notebook
                                                 # or a claim that no longer holds

The work is done by :mod:`weakties.lessons.build`; ``course/LESSON-GUIDE.md``
explains the format of a lesson.
"""

import sys

from weakties.lessons.build import main

if __name__ == "__main__":
    sys.exit(main())
