% A discrete-time system x(k+1) = A x(k) + B u(k).
A = [0.9  0.1  0;
     0    0.8  0.2;     % middle state leaks into the last one
     0.05 0    0.95];

% Continuation lines with comments after the dots.
B = [ 1, 0 ; ... input 1
      0, 1 ; ... input 2
      1, 1 ];

% Careful with spaces: [2 -1] has two entries, [2 - 1] has one.
v = [2 -1 3];

C = [1 2; 3 4]';
