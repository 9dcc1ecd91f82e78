"""Renderers: pure functions of a :class:`kzclaims.model.Report` returning ``str``.

``json`` (the contract, and the loader used by baselines), ``markdown``, ``github`` (workflow
commands), ``junit`` and ``html`` (a self-contained page for editors). Import the submodule you
need; nothing is imported here.
"""
