/**
 * Human names of the notations, and the notation a result is copied back in.
 * Pure data.
 */
import type { NotationId } from './types';

const LABELS: Record<NotationId, string> = {
  numpy: 'NumPy',
  'numpy-repr': 'NumPy (printed repr)',
  'numpy-str': 'NumPy (print output)',
  'numpy-matrix-string': 'NumPy matrix string',
  torch: 'PyTorch',
  'torch-repr': 'PyTorch (printed tensor)',
  'tensorflow-repr': 'TensorFlow (printed tensor)',
  'python-list': 'Python list',
  sympy: 'SymPy',
  matlab: 'MATLAB / Octave',
  'octave-output': 'Octave (printed output)',
  julia: 'Julia',
  'julia-repl': 'Julia (REPL output)',
  latex: 'LaTeX',
  mathematica: 'Mathematica',
  r: 'R',
  eigen: 'Eigen (C++)',
  'rust-nalgebra': 'Rust nalgebra',
  'rust-ndarray': 'Rust ndarray',
  javascript: 'JavaScript',
  mathjs: 'mathjs',
  'ml-matrix': 'ml-matrix',
  csv: 'CSV',
  tsv: 'TSV',
  whitespace: 'whitespace-separated block',
  'bracket-rows': 'bracketed rows',
  'markdown-table': 'Markdown table',
  fortran: 'Fortran',
  typst: 'Typst',
  jax: 'JAX',
  tensorflow: 'TensorFlow',
  'mathjs-expression': 'mathjs expression',
  'r-output': 'R (printed output)',
};

/** "NumPy", "MATLAB / Octave", … for a notation id (the id itself when unknown). */
export function notationLabel(id: string): string {
  return (LABELS as Record<string, string>)[id] ?? id;
}

/**
 * The notation to write a result in when copying it back into a file that used
 * `id`: printed outputs map to the code form people paste (a NumPy repr copies as
 * `np.array(...)`), notations without a writer map to their closest relative.
 */
export function copyNotationFor(id: string): string {
  switch (id) {
    case 'numpy':
    case 'numpy-repr':
    case 'numpy-str':
    case 'numpy-matrix-string':
    case 'tensorflow-repr':
    case 'jax':
    case 'tensorflow':
      return 'numpy';
    case 'torch':
    case 'torch-repr':
      return 'torch';
    case 'python-list':
    case 'sympy':
      return 'python-list';
    case 'matlab':
    case 'octave-output':
      return 'matlab';
    case 'julia':
    case 'julia-repl':
      return 'julia';
    case 'latex':
    case 'typst':
      return 'latex';
    case 'mathematica':
      return 'mathematica';
    case 'r':
      return 'r';
    case 'javascript':
    case 'mathjs':
    case 'ml-matrix':
    case 'eigen':
    case 'rust-nalgebra':
    case 'rust-ndarray':
    case 'fortran':
      return 'javascript';
    case 'markdown-table':
      return 'markdown-table';
    default:
      return 'csv';
  }
}
