/**
 * Writes a matrix back as a literal in any notation the parser reads, such that
 * `parseLiteral(formatMatrix(A, n))` gives back A exactly: numbers are written
 * as the shortest decimal that round-trips (JavaScript's `String(x)`, which is
 * also what Python's `repr` does), `-0` keeps its sign, and complex entries
 * use each notation's own syntax (`1+2j`, `1+2i`, `1+2im`, `1 + 2 I`, …).
 * `digits` rounds to that many significant digits for display.
 */
import type { Entry, NotationId } from './types';

/** Notations `formatMatrix` can write: every notation the parser reads. */
export type FormatNotation = NotationId;

/** Options of `formatMatrix`. */
export interface FormatOptions {
  /** Significant digits (display); omitted = full precision (round-trips exactly). */
  digits?: number;
  /** Variable name for an assignment (`A = …`) where the notation has one. */
  name?: string;
}

type Style = 'python' | 'matlab' | 'julia' | 'latex' | 'mathematica' | 'r' | 'js' | 'cpp' | 'rust' | 'fortran' | 'plain' | 'sympy' | 'mathjs';

function real(x: number, style: Style, digits?: number): string {
  if (Number.isNaN(x)) return ({ python: 'np.nan', mathematica: 'Indeterminate', latex: '\\text{NaN}', js: 'NaN' } as Partial<Record<Style, string>>)[style] ?? 'NaN';
  if (!Number.isFinite(x)) {
    const inf = ({ python: 'np.inf', js: 'Infinity', mathematica: 'Infinity', latex: '\\infty', r: 'Inf', julia: 'Inf', matlab: 'Inf' } as Partial<Record<Style, string>>)[style] ?? 'Inf';
    return x < 0 ? '-' + inf : inf;
  }
  const v = digits ? Number(x.toPrecision(Math.max(1, Math.min(21, Math.round(digits))))) : x;
  let s = Object.is(v, -0) ? '-0' : String(v);
  if (style === 'fortran') {
    const [m, e] = s.split('e');
    return `${m}d${e ? Number(e) : 0}`;
  }
  if (s.includes('e')) {
    if (style === 'mathematica') s = s.replace(/e\+?/, '*^');
    else if (style === 'latex' && digits) {
      const [m, e] = s.split('e');
      s = `${m} \\times 10^{${Number(e)}}`;
    }
  }
  if (s === '-0' && style !== 'latex' && style !== 'plain') s = '-0.0';
  return s;
}

function entry(e: Entry, style: Style, digits?: number): string {
  if (typeof e === 'number') return real(e, style, digits);
  const re = real(e.re, style, digits);
  const neg = e.im < 0 || Object.is(e.im, -0);
  const absIm = real(Math.abs(e.im), style, digits);
  const mag = absIm;
  const sign = neg ? '-' : '+';
  switch (style) {
    case 'python': return `${re}${sign}${mag}j`;
    case 'julia': return `${re}${sign}${mag}im`;
    case 'mathematica': return `${re} ${sign} ${mag} I`;
    case 'sympy': return `${re} ${sign} ${mag}*I`;
    case 'js': case 'mathjs': return `math.complex(${re}, ${real(e.im, style, digits)})`;
    case 'cpp': return `std::complex<double>(${re}, ${real(e.im, style, digits)})`;
    case 'rust': return `Complex::new(${re}, ${real(e.im, style, digits)})`;
    case 'fortran': return `(${re}, ${real(e.im, style, digits)})`;
    default: return `${re}${sign}${mag}i`;
  }
}

function grid(values: Entry[][], style: Style, digits?: number): string[][] {
  return values.map((r) => r.map((e) => entry(e, style, digits)));
}

function isComplexMatrix(values: Entry[][]): boolean {
  return values.some((r) => r.some((e) => typeof e === 'object'));
}

function nested(cells: string[][], open: string, close: string, indent: string): string {
  return `${open}${cells.map((r) => `${open}${r.join(', ')}${close}`).join(`,\n${indent}`)}${close}`;
}

function padded(cells: string[][], lead = ' '): string {
  const widths = cells[0].map((_, j) => Math.max(...cells.map((r) => r[j].length)));
  return cells.map((r) => lead + r.map((c, j) => c.padStart(widths[j])).join('  ')).join('\n');
}

function flatColumnMajor(cells: string[][]): string[] {
  const out: string[] = [];
  for (let j = 0; j < (cells[0]?.length ?? 0); j++) for (const r of cells) out.push(r[j]);
  return out;
}

/**
 * Formats `values` (row-major) as a literal in `notation`.
 * Example: `formatMatrix([[1, 2], [3, 4]], 'matlab')` → `[1 2; 3 4]`.
 * Never throws for a rectangular, non-empty matrix; NaN/Inf are written in the
 * notation's spelling (the parser refuses them, as it should).
 */
export function formatMatrix(values: Entry[][], notation: FormatNotation, options: FormatOptions = {}): string {
  const d = options.digits;
  const name = options.name;
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  const complex = isComplexMatrix(values);
  const assign = (s: string, op = ' = '): string => (name ? `${name}${op}${s}` : s);
  const py = (): string[][] => grid(values, 'python', d);
  // Continuation rows line up under the first row, after `name = ` when there is one.
  const pad = (k: number): string => ' '.repeat(k + (name ? name.length + 3 : 0));
  switch (notation) {
    case 'numpy': return assign(`np.array(${nested(py(), '[', ']', pad(10))}${complex ? ', dtype=complex' : ''})`);
    case 'jax': return assign(`jnp.array(${nested(py(), '[', ']', pad(11))})`);
    case 'tensorflow': return assign(`tf.constant(${nested(py(), '[', ']', pad(13))})`);
    case 'torch': return assign(`torch.tensor(${nested(py(), '[', ']', pad(14))})`);
    case 'torch-repr': return `tensor(${nested(py(), '[', ']', '        ')})`;
    case 'numpy-repr': return `array(${nested(py(), '[', ']', '       ')})`;
    case 'tensorflow-repr':
      return `<tf.Tensor: shape=(${rows}, ${cols}), dtype=${complex ? 'complex128' : 'float64'}, numpy=\narray(${nested(py(), '[', ']', '       ')})>`;
    case 'numpy-str': return `[${py().map((r) => `[${r.join(' ')}]`).join('\n ')}]`;
    case 'numpy-matrix-string': return assign(`np.matrix('${py().map((r) => r.join(' ')).join('; ')}')`);
    case 'python-list': return assign(nested(py(), '[', ']', pad(1)));
    case 'sympy': return assign(`Matrix(${nested(grid(values, 'sympy', d), '[', ']', pad(8))})`);
    case 'matlab': return name ? `${name} = [${grid(values, 'matlab', d).map((r) => r.join(' ')).join('; ')}];` : `[${grid(values, 'matlab', d).map((r) => r.join(' ')).join('; ')}]`;
    case 'octave-output': return `${name ?? 'ans'} =\n\n${padded(grid(values, 'plain', d), '   ')}\n`;
    case 'julia': return assign(`[${grid(values, 'julia', d).map((r) => r.join(' ')).join('; ')}]`);
    case 'julia-repl': return `${rows}×${cols} Matrix{${complex ? 'ComplexF64' : 'Float64'}}:\n${padded(grid(values, 'julia', d))}`;
    case 'latex': {
      const body = grid(values, 'latex', d).map((r) => '  ' + r.join(' & ')).join(' \\\\\n');
      return `${name ? name + ' = ' : ''}\\begin{bmatrix}\n${body}\n\\end{bmatrix}`;
    }
    case 'typst': return `$ ${name ? name + ' = ' : ''}mat(${grid(values, 'latex', d).map((r) => r.join(', ')).join('; ')}) $`;
    case 'mathematica': return (name ? `${name} = ` : '') + `{${grid(values, 'mathematica', d).map((r) => `{${r.join(', ')}}`).join(', ')}}` + (name ? ';' : '');
    case 'r': {
      const flat = grid(values, 'r', d).flat();
      return assign(`matrix(c(${flat.join(', ')}), nrow = ${rows}, ncol = ${cols}, byrow = TRUE)`, ' <- ');
    }
    case 'r-output': {
      const cells = grid(values, 'r', d);
      const table = [['', ...cells[0].map((_, j) => `[,${j + 1}]`)], ...cells.map((r, i) => [`[${i + 1},]`, ...r])];
      const widths = table[0].map((_, j) => Math.max(...table.map((r) => r[j].length)));
      return table.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[0]) : c.padStart(widths[j]))).join(' ')).join('\n');
    }
    case 'javascript': return (name ? `const ${name} = ` : '') + nested(grid(values, 'js', d), '[', ']', '  ') + (name ? ';' : '');
    case 'mathjs': return (name ? `const ${name} = ` : '') + `math.matrix(${nested(grid(values, 'js', d), '[', ']', '  ')})` + (name ? ';' : '');
    case 'mathjs-expression': return assign(`[${grid(values, 'plain', d).map((r) => r.join(', ')).join('; ')}]`);
    case 'ml-matrix': return (name ? `const ${name} = ` : '') + `new Matrix(${nested(grid(values, 'js', d), '[', ']', '  ')})` + (name ? ';' : '');
    case 'eigen': {
      const v = name ?? 'm';
      const cells = grid(values, 'cpp', d);
      return `Eigen::Matrix${complex ? 'Xcd' : 'Xd'} ${v}(${rows}, ${cols});\n${v} << ${cells.map((r) => r.join(', ')).join(',\n' + ' '.repeat(v.length + 4))};`;
    }
    case 'rust-nalgebra': return (name ? `let ${name} = ` : '') + `matrix![${grid(values, 'rust', d).map((r) => r.join(', ')).join(';\n    ')}]` + (name ? ';' : '');
    case 'rust-ndarray': return (name ? `let ${name} = ` : '') + `array!${nested(grid(values, 'rust', d), '[', ']', '    ')}` + (name ? ';' : '');
    case 'fortran': return assign(`reshape([${flatColumnMajor(grid(values, 'fortran', d)).join(', ')}], [${rows}, ${cols}])`);
    case 'csv': return grid(values, 'plain', d).map((r) => r.join(',')).join('\n');
    case 'tsv': return grid(values, 'plain', d).map((r) => r.join('\t')).join('\n');
    case 'whitespace': return padded(grid(values, 'plain', d), '').split('\n').map((l) => l.trimStart()).join('\n');
    case 'bracket-rows': return grid(values, 'plain', d).map((r) => `[${r.join(' ')}]`).join('\n');
    case 'markdown-table': {
      const cells = grid(values, 'plain', d);
      const head = `| ${cells[0].map((_, j) => `c${j + 1}`).join(' | ')} |`;
      const sep = `|${cells[0].map(() => '---').join('|')}|`;
      return [head, sep, ...cells.map((r) => `| ${r.join(' | ')} |`)].join('\n');
    }
  }
}

/**
 * Formats a 1-D array (singular values, eigenvalues, a solution vector) the way
 * each notation writes one: numpy/torch/jax `np.array([…])`, MATLAB a column
 * `[a; b]` (what `svd(A)` returns), Julia a `Vector` `[a, b]`, R `c(…)`,
 * Mathematica `{…}`, Eigen `VectorXd`, nalgebra `dvector![…]`, ndarray
 * `array![…]`, a plain JS array. Notations with no 1-D form of their own
 * (LaTeX, Typst, CSV/TSV and other tables, `np.matrix` strings, Fortran's
 * `reshape`) get a 1×n row.
 * Parsing the result gives the same entries back (as a 1×n row or an n×1 column).
 */
export function formatVector(values: readonly Entry[], notation: FormatNotation, options: FormatOptions = {}): string {
  const d = options.digits;
  const name = options.name;
  const n = values.length;
  const complex = values.some((e) => typeof e === 'object');
  const assign = (s: string, op = ' = '): string => (name ? `${name}${op}${s}` : s);
  const items = (style: Style): string[] => values.map((e) => entry(e, style, d));
  const list = (style: Style): string => `[${items(style).join(', ')}]`;
  if (n === 0) return formatMatrix([[]], notation, options);
  switch (notation) {
    case 'numpy': return assign(`np.array(${list('python')}${complex ? ', dtype=complex' : ''})`);
    case 'jax': return assign(`jnp.array(${list('python')})`);
    case 'tensorflow': return assign(`tf.constant(${list('python')})`);
    case 'torch': return assign(`torch.tensor(${list('python')})`);
    case 'torch-repr': return `tensor(${list('python')})`;
    case 'numpy-repr': return `array(${list('python')})`;
    case 'tensorflow-repr': return `<tf.Tensor: shape=(${n},), dtype=${complex ? 'complex128' : 'float64'}, numpy=array(${list('python')})>`;
    case 'numpy-str': return `[${items('python').join(' ')}]`;
    case 'python-list': return assign(list('python'));
    case 'sympy': return assign(`Matrix(${list('sympy')})`);
    case 'matlab': return name ? `${name} = [${items('matlab').join('; ')}];` : `[${items('matlab').join('; ')}]`;
    case 'octave-output': return `${name ?? 'ans'} =\n\n${items('plain').map((x) => `   ${x}`).join('\n')}\n`;
    case 'julia': return assign(list('julia'));
    case 'julia-repl': return `${n}-element Vector{${complex ? 'ComplexF64' : 'Float64'}}:\n${items('julia').map((x) => ` ${x}`).join('\n')}`;
    case 'mathematica': return (name ? `${name} = ` : '') + `{${items('mathematica').join(', ')}}` + (name ? ';' : '');
    case 'r': return assign(`c(${items('r').join(', ')})`, ' <- ');
    case 'r-output': return `[1] ${items('r').join(' ')}`;
    case 'javascript': case 'ml-matrix': return (name ? `const ${name} = ` : '') + list('js') + (name ? ';' : '');
    case 'mathjs': return (name ? `const ${name} = ` : '') + `math.matrix(${list('js')})` + (name ? ';' : '');
    case 'mathjs-expression': return assign(list('plain'));
    case 'eigen': {
      const v = name ?? 'v';
      return `Eigen::Vector${complex ? 'Xcd' : 'Xd'} ${v}(${n});\n${v} << ${items('cpp').join(', ')};`;
    }
    case 'rust-nalgebra': return (name ? `let ${name} = ` : '') + `dvector![${items('rust').join(', ')}]` + (name ? ';' : '');
    case 'rust-ndarray': return (name ? `let ${name} = ` : '') + `array!${list('rust')}` + (name ? ';' : '');
    default: return formatMatrix([values.slice()], notation, options);
  }
}
