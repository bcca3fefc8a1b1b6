"""The package list only; everything else is in pyproject.toml.

``ui/`` and ``resources/`` are mapped into the package there (``package-dir``); listing those
two data-only packages beside the found ones needs code, as ``packages.find`` cannot add them.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["iro_desktop", "iro_desktop.*"]),
        "iro_desktop._ui",
        "iro_desktop._resources",
    ]
)
