# A three-state Markov chain: rows sum to one.
P = [0.7 0.2 0.1;
     0.3 0.5 0.2;
     0.2 0.3 0.5]

# A Hermitian matrix with complex entries (LinAlg Lens reads it; SVD of complex
# matrices is not supported yet and says so).
H = [2 1+1im; 1-1im 3]

# Column vector.
b = [1.0; 2.0; -1.0]
