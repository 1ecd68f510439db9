"""Prefect flows and the ``jobmarket`` command line: they orchestrate, the libraries compute."""
