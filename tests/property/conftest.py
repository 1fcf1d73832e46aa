"""Hypothesis profiles for the property tests.

``default`` (100 examples, no deadline) keeps the property suite well under
30 seconds; ``ci`` tries more examples, deterministically.  Choose one with the
environment variable ``HYPOTHESIS_PROFILE=ci``; ``HYPOTHESIS_MAX_EXAMPLES`` sets
how many examples ``ci`` tries.  (pytest's ``--hypothesis-profile`` is
overridden by this file when the run starts above ``tests/property``.)
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "400")),
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
