"""PCA, LoRA and attention as matrices you can inspect."""
import numpy as np

# Six samples of three correlated features (height cm, weight kg, shoe size EU).
data = np.array([
    [170.0, 65.0, 42.0],
    [160.0, 55.0, 38.0],
    [180.0, 80.0, 45.0],
    [175.0, 72.0, 43.0],
    [165.0, 60.0, 40.0],
    [185.0, 90.0, 46.0],
])

# A LoRA update is a low-rank product B @ A. This 4x4 delta has rank 1:
# one singular value carries everything, the others are zero.
delta_W = np.array([
    [0.2, 0.4, -0.2, 0.1],
    [0.4, 0.8, -0.4, 0.2],
    [-0.2, -0.4, 0.2, -0.1],
    [0.6, 1.2, -0.6, 0.3],
])

# Queries and keys for three tokens in d = 2: Q @ K.T is a matrix of inner products.
Q = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
K = np.array([[1.0, 0.5], [0.2, 1.0], [0.7, 0.7]])

# A covariance matrix is symmetric positive semi-definite: its SVD is its eigendecomposition.
cov = np.array([[4.0, 2.0, 0.6],
                [2.0, 3.0, 0.4],
                [0.6, 0.4, 1.0]])
