"""SVD basics: put the cursor inside any literal and run "LinAlg Lens: Compute SVD"."""
import numpy as np
import torch

# A symmetric 2x2: its singular values are 4 and 2.
A = np.array([[3, 1], [1, 3]])

# A 45-degree rotation: orthogonal, so every singular value is 1.
R = np.array([[np.sqrt(2)/2, -np.sqrt(2)/2],
              [np.sqrt(2)/2,  np.sqrt(2)/2]])

# A tall matrix (4 samples x 3 features) with rank 2: the third column is the
# sum of the first two, so the smallest singular value is zero.
X = np.array([
    [1.0, 2.0, 3.0],
    [2.0, 0.5, 2.5],
    [0.0, 1.0, 1.0],   # third = first + second
    [4.0, -1.0, 3.0],
], dtype=np.float64)

# A wide matrix: 2 rows, 4 columns.
W = np.array([[1, 0, 2, -1], [0, 3, -1, 1]])

# Nearly singular: the condition number is large, so solving with it loses digits.
H = np.array([[1, 1/2, 1/3], [1/2, 1/3, 1/4], [1/3, 1/4, 1/5]])

# The same engine reads PyTorch.
T = torch.tensor([[2.0, -1.0, 0.0],
                  [-1.0, 2.0, -1.0],
                  [0.0, -1.0, 2.0]], dtype=torch.float32)

# And plain Python lists.
M = [[4, 0], [3, -5]]

# Entries near the top of the double range: σ₁ = 1e308 and σ₂ = 1, so the matrix is
# numerically rank 1 and its condition number is 1e308; nothing overflows on the way.
Big = np.array([[1e308, 0], [0, 1]])

U, S, Vh = np.linalg.svd(A)
print(S)
