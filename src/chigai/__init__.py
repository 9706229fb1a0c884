"""chigai: experiments produce results; results produce figures and pages.

Importing this package is cheap on purpose (no torch, no matplotlib): a build with
nothing stale must not pay for them.
"""
