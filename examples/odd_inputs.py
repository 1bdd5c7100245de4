"""Inputs LinAlg Lens refuses: run Compute SVD on each to see the message.
None of them changes this file."""
import numpy as np

# Ragged rows: the second row is one entry short.
ragged = np.array([[1, 2, 3], [4, 5]])

# A symbolic entry: LinAlg Lens computes with numbers, not symbols.
symbolic = np.array([[1, theta], [0, 1]])

# NaN has no singular values.
missing = np.array([[1.0, np.nan], [0.0, 2.0]])

# Complex entries: read fine, but the SVD is real-only for now.
complex_m = np.array([[1, 2j], [-2j, 3]])
