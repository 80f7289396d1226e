"""Backups of a whole Mizan installation and the restore drill that proves them (issue 13).

The top layer: it may import core, evidence, missing and library; only the command line and the
worker's schedule import it.
"""
