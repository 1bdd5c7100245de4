# A transition matrix written row by row.
P <- matrix(c(
  0.70, 0.20, 0.10,
  0.25, 0.50, 0.25,
  0.00, 0.10, 0.90
), nrow = 3, byrow = TRUE)

# cbind: each c() is a column, so this is 3x2.
X <- cbind(c(1.5, 0, -2), c(3, 4, 1))
