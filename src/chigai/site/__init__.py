"""The site: pages rendered from results, figures, the MkDocs plugin, `chigai new`.

Imports the run machinery and the science modules, never the other way (ARCHITECTURE.md).
"""
