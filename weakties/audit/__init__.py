"""Audit your own network: read an export or a contact sheet, annotate it, get a report.

The capstone of the course (lesson 11). Everything runs on the learner's
own machine, and no name, email or profile address survives the reading of
a file: each contact becomes a pseudonym keyed by a secret kept in the
learner's configuration folder.

=============================  =============================================================
:func:`read_linkedin`          LinkedIn's ``Connections.csv`` -> a table of contacts
:func:`read_contacts`          a contact sheet of your own (CSV or Excel) -> the same table
:func:`read_network`           whichever of the two a file is (or "sample")
:data:`SAMPLE_EXPORT`          a fictional export to practise on (about 300 contacts)
:data:`CONTACTS_TEMPLATE`      the empty contact sheet (also ``CONTACTS_TEMPLATE_XLSX``)
:func:`sector_of`              a company and a job title -> a sector, or "unknown"
:func:`annotate`               the widget to say how well you know each contact and how you met
:func:`with_annotations`       the contacts with your saved annotations applied
:func:`report`                 composition, balance, diversity, comparison and action plan
:class:`AuditReport`           the report: shows in a notebook, saves as one HTML file
:class:`AuditInputError`       the error for a file or value that cannot be used
=============================  =============================================================

Examples
--------
>>> import os, tempfile
>>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
>>> from weakties import audit
>>> contacts = audit.with_annotations(audit.read_linkedin(audit.SAMPLE_EXPORT))
>>> contacts[["company", "position", "sector", "context"]].iloc[0].tolist()
['Orbe Numérique', 'Software Engineer', 'Digital', 'colleague']
>>> int(contacts.loc[0, "strength"])
2
>>> audit.sector_of("Mairie de Lyon", "Chargée de mission")
'Public sector'
>>> del os.environ["WEAKTIES_CONFIG_DIR"]
"""

from .annotate import Annotator, annotate
from .contacts import CONTACTS_TEMPLATE, CONTACTS_TEMPLATE_XLSX, read_contacts
from .errors import AuditInputError, AuditWarning
from .linkedin import SAMPLE_EXPORT, read_linkedin
from .reader import read_network
from .report import GOALS, MEASURES, AuditReport, report
from .schema import COLUMNS, STRENGTH_SCALE
from .sectors import SECTORS, UNKNOWN, rules_table, sector_of, seniority_of
from .store import SAMPLE_ANNOTATIONS, annotations_path, load_annotations, with_annotations

__all__ = [
    "read_linkedin", "read_contacts", "read_network", "annotate", "Annotator", "report",
    "AuditReport",
    "sector_of", "seniority_of", "rules_table", "SAMPLE_EXPORT", "SAMPLE_ANNOTATIONS",
    "CONTACTS_TEMPLATE", "CONTACTS_TEMPLATE_XLSX", "AuditInputError", "AuditWarning",
    "with_annotations", "load_annotations", "annotations_path", "GOALS",
    "MEASURES", "COLUMNS", "STRENGTH_SCALE", "SECTORS", "UNKNOWN",
]
