"""The run machinery: runs experiments, caches trials, stores and checks results.

Imports the science modules of chigai (models, tasks, training, the experiment API) and
is imported by the site and the command line, never the other way (ARCHITECTURE.md).
"""
