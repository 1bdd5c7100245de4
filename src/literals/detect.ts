/**
 * Guessing the language family of a selection and finding where literals sit
 * in a token stream. Everything here is a single forward pass over the text or
 * its tokens (no backtracking), so it stays linear on large documents.
 */
import type { Family, Token } from './scanner';
import { endsOperand, matchClose, unclosedEnd } from './scanner';
import type { NotationId } from './types';

/** VS Code language ids → family. */
export function familyOfLanguage(languageId: string | undefined): Family | undefined {
  switch ((languageId ?? '').toLowerCase()) {
    case 'python': case 'jupyter': case 'ipython': case 'cython': return 'python';
    case 'javascript': case 'typescript': case 'javascriptreact': case 'typescriptreact': case 'vue': case 'svelte': return 'js';
    case 'matlab': case 'octave': case 'scilab': return 'matlab';
    case 'julia': case 'juliamarkdown': return 'julia';
    case 'latex': case 'tex': case 'bibtex': case 'context': return 'latex';
    case 'r': case 'rmd': case 'quarto': return 'r';
    case 'cpp': case 'c': case 'cuda-cpp': case 'objective-cpp': case 'csharp': case 'java': return 'cpp';
    case 'rust': return 'rust';
    case 'fortran': case 'fortran90': case 'fortranfreeform': case 'fortran-modern': case 'fortran_fixed-form': return 'fortran';
    case 'typst': return 'typst';
    case 'wolfram': case 'mathematica': case 'wl': return 'mathematica';
    case '': return undefined;
    default: return 'generic';
  }
}

/** The family a notation id belongs to. */
export function familyOfNotation(n: NotationId): Family {
  switch (n) {
    case 'numpy': case 'numpy-repr': case 'numpy-str': case 'numpy-matrix-string': case 'torch': case 'torch-repr':
    case 'tensorflow-repr': case 'python-list': case 'sympy': case 'jax': case 'tensorflow': return 'python';
    case 'matlab': case 'octave-output': return 'matlab';
    case 'julia': case 'julia-repl': return 'julia';
    case 'latex': return 'latex';
    case 'mathematica': return 'mathematica';
    case 'r': case 'r-output': return 'r';
    case 'eigen': return 'cpp';
    case 'rust-nalgebra': case 'rust-ndarray': return 'rust';
    case 'javascript': case 'mathjs': case 'ml-matrix': case 'mathjs-expression': return 'js';
    case 'fortran': return 'fortran';
    case 'typst': return 'typst';
    default: return 'generic';
  }
}

/**
 * Cheap cues, in order of how specific they are. A strong cue names its family
 * outright (`np.`, `\begin{`, `<-`, `matrix![`); a weak one (`array(`, `{{`, `]'`,
 * `const `, a `%`) is shared by several languages, so a language id overrides it.
 */
const CUES: Array<[RegExp, Family, boolean]> = [
  [/\\begin\s*\{/, 'latex', true],
  [/\(\*|\/\/\s*(MatrixForm|N|TableForm)\b|\bMatrixForm\[|\bSqrt\[/, 'mathematica', true],
  [/\{\s*\{/, 'mathematica', false],
  // Mathematica's exponent (`1.5*^-7`) and its imaginary unit after a number (`2 I`), as FormMatrix writes them.
  [/\d\*\^[-+]?\d|\d[ \t]+I\b/, 'mathematica', true],
  [/\b(d?matrix|array|d?vector|row_?vector|vec)!\s*[[(]|::(new|from_row_slice|from_column_slice|from_vec|from_shape_vec)\s*\(|\blet\s+mut\b|\bf(32|64)::|\d_?f(32|64)\b|\barr[12]\s*\(/, 'rust', true],
  [/<<|\bEigen::|\bstd::|\.finished\(\)/, 'cpp', true],
  [/\(\/|(^|[^.\w])reshape\s*\(\s*(\(\/|\[|source)/, 'fortran', true],
  // Fortran double-precision literals: 1d0, 2.5D-3.
  [/(^|[^\w.])\d+(\.\d*)?[dD][-+]?\d+\b/, 'fortran', true],
  [/(^|[^.\w])mat\s*\(/, 'typst', true],
  [/<-|(^|[^.\w])(matrix\s*\(\s*(c\s*\(|data\s*=|\d+\s*:\s*\d+)|rbind\s*\(|cbind\s*\()|\bbyrow\s*=|(^|[^.\w])c\s*\(/, 'r', true],
  [/>>>|\b(np|numpy|torch|jnp|jax|tf|sp|sympy)\.|\bdtype\s*=|<tf\./, 'python', true],
  [/\bmath\.(matrix|complex)\b|\bnew\s+Matrix\b|\bMatrix\.from|:\s*number\b|=>|\bMath\./, 'js', true],
  [/\b(const|let|var)\s/, 'js', false],
  [/\b(array|tensor|Matrix|DeviceArray|Array)\s*\(|\*\*|\bmath\./, 'python', false],
  [/\d(im)\b|\bMatrix\{|\bVector\{|×|#=|\b\d+-element\b|\d\/\/\d|[π√ℯ]|julia>/, 'julia', false],
  // Nested rows separated by commas, `[[1, 2j], [3, 4]]`: a Python list of rows (MATLAB would
  // concatenate them into one row), even when a `2j` looks like MATLAB's imaginary unit.
  [/\[[ \t]?\[[^[\]]*\][ \t]*,/, 'python', false],
  [/%|\.\.\.[ \t]*($|\n|[A-Za-z])|\][ \t]*\.?'|\d[ij]\b|^[ \t]*\w+[ \t]*=[ \t]*\n/m, 'matlab', false],
];

/** The family the cues of `text` point at, and whether that cue is decisive on its own. */
export function detectFamilyCue(text: string): { family: Family; strong: boolean } {
  const head = text.length > 20000 ? text.slice(0, 20000) : text;
  for (const [re, f, strong] of CUES) if (re.test(head)) return { family: f, strong };
  return { family: 'generic', strong: false };
}

/** Guesses the family of `text` from its cues (`generic` when nothing stands out). */
export function detectFamily(text: string): Family {
  return detectFamilyCue(text).family;
}

/**
 * The family to read `text` in when it comes from a document in VS Code language
 * `languageId`: a strong cue in the text wins (a LaTeX string in a Python file is
 * LaTeX); otherwise a language id that names a code family decides; otherwise the
 * weak cues do. Ids without a family of their own (plaintext, markdown, csv) leave
 * the choice to the text.
 */
export function chooseFamily(text: string, languageId: string | undefined): Family {
  const cue = detectFamilyCue(text);
  if (cue.strong) return cue.family;
  const head = text.length > 20000 ? text.slice(0, 20000) : text;
  for (const [re, f, strong] of CUES) if (strong && re.test(head)) return f;
  const hint = familyOfLanguage(languageId);
  if (hint && hint !== 'generic') return hint;
  return cue.family;
}

/** Where a literal starts in the token stream, and what kind of construct it is. */
export interface Candidate {
  kind: 'bracket' | 'call' | 'eigen' | 'transform';
  /** First token (the call name, the opening bracket, or the `<<`). */
  first: number;
  /** Last token (inclusive). */
  last: number;
  /** The opening bracket is never closed: `last` is where the broken literal's text ends. */
  unclosed?: boolean;
}

/** Wrapper calls whose first argument is the literal (matched on the last name part). */
const WRAPPERS = new Set([
  'array', 'asarray', 'asanyarray', 'matrix', 'asmatrix', 'mat', 'tensor', 'Tensor', 'FloatTensor', 'DoubleTensor', 'LongTensor', 'IntTensor', 'ComplexFloatTensor',
  'as_tensor', 'from_numpy', 'constant', 'Variable', 'convert_to_tensor', 'Matrix', 'ImmutableMatrix', 'MutableDenseMatrix', 'ImmutableDenseMatrix', 'DeviceArray', 'Array',
  'tensor2d', 'tensor1d', 'atleast_2d', 'from1DArray', 'from2DArray', 'rbind', 'cbind', 'c', 'reshape', 'arr1', 'arr2', 'new', 'from_row_slice', 'from_column_slice',
  'from_vec', 'from_shape_vec', 'from_row_iterator', 'matrix!', 'dmatrix!', 'array!', 'vector!', 'dvector!', 'row_vector!', 'rowvector!', 'vec!', 'MatrixForm', 'N', 'TableForm', 'copy', 'float64',
]);

/** Calls that transform their argument (a literal inside them is not the selected matrix). */
const TRANSFORMS = new Set([
  'diag', 'diagflat', 'transpose', 'inv', 'pinv', 'tile', 'repeat', 'kron', 'dot', 'matmul', 'outer', 'inner', 'cumsum', 'cumprod', 'sum', 'prod', 'flip', 'fliplr', 'flipud',
  'rot90', 'triu', 'tril', 'sort', 'stack', 'vstack', 'hstack', 'dstack', 'column_stack', 'concatenate', 'block', 'cat', 'diagm', 'Diagonal', 'DiagonalMatrix', 'eye', 'zeros',
  'ones', 'full', 'linspace', 'arange', 'exp', 'expm', 'sqrtm', 'logm', 'abs', 'square', 'det', 'norm', 'svd', 'eig', 'qr', 'lu', 'cholesky', 'broadcast_to', 'Inverse',
  'Transpose', 'IdentityMatrix', 'toeplitz', 'circulant', 'hankel', 'vander', 'solve', 'lstsq',
]);

function baseName(id: string): string {
  const m = /[A-Za-z_0-9!]+$/.exec(id);
  return m ? m[0] : id;
}

/** True when the call named by token `t` wraps a literal (np.array, tensor, matrix!, …). */
export function isWrapperName(t: Token, f: Family): boolean {
  const b = baseName(t.text);
  if (b === 'c' && f !== 'r' && f !== 'generic') return false;
  if ((b === 'N' || b === 'MatrixForm' || b === 'TableForm') && f !== 'mathematica' && f !== 'generic') return false;
  if (b === 'new' && !t.text.includes('::')) return false;
  if (b === 'Array' && f === 'js') return false;
  return WRAPPERS.has(b);
}

/** Words after which `{` opens a block of statements, not a list. */
const BLOCK_WORDS = new Set(['else', 'do', 'try', 'finally', 'struct', 'class', 'union', 'enum', 'namespace', 'extern', 'const', 'override', 'final', 'noexcept', 'mutable', 'then', 'loop', 'unsafe', 'impl']);

/**
 * True when the `{` at `toks[open]` opens a block of statements (a function body,
 * an `if`/`for` body, a namespace): it follows `)` or a block keyword, or holds a
 * `;` at its own level. C/C++ initialiser lists (`= {1, 2}`, `{{1, 2}, {3, 4}}`) do not.
 */
export function isCodeBlock(toks: readonly Token[], open: number, f: Family): boolean {
  if (f !== 'cpp' && f !== 'generic' && f !== 'mathematica') return false;
  const prev = toks[open - 1];
  if (prev && f !== 'mathematica') {
    if (prev.kind === 'close' && prev.text === ')') return true;
    if (prev.kind === 'id' && BLOCK_WORDS.has(prev.text)) return true;
  }
  return semicolonsOf(toks)[open] === 1;
}

const SEMIS = new WeakMap<readonly Token[], Uint8Array>();

/** For each opening bracket, 1 when a `;` sits directly inside it (one stack pass, cached per token array). */
function semicolonsOf(toks: readonly Token[]): Uint8Array {
  let m = SEMIS.get(toks);
  if (m) return m;
  m = new Uint8Array(toks.length);
  const stack: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'open') stack.push(k);
    else if (t.kind === 'close') {
      let j = stack.length - 1;
      while (j >= 0 && j >= stack.length - 64 && matchClose(toks, stack[j]) !== k) j--;
      if (j >= 0 && matchClose(toks, stack[j]) === k) stack.length = j;
    }
    else if (t.kind === 'sep' && t.text === ';' && stack.length) m[stack[stack.length - 1]] = 1;
  }
  SEMIS.set(toks, m);
  return m;
}

function containsNumber(toks: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (toks[k].kind === 'num') return true;
  return false;
}

function bracketOpens(f: Family, t: Token): boolean {
  if (t.kind !== 'open') return false;
  if (t.text === '[') return f !== 'mathematica';
  if (t.text === '{') return f === 'mathematica' || f === 'cpp' || f === 'generic';
  return false;
}

/**
 * Top-level literal candidates in `toks[from, to)`, in order. A bracket right after
 * an operand (`x[0]`, `number[][]`) is indexing or a type, not a literal; a call of
 * a transforming function (np.diag, inv) containing a literal is reported as a
 * `transform` candidate so the parser can refuse instead of silently reading its argument.
 */
export function findCandidates(toks: readonly Token[], f: Family, from = 0, to = toks.length, requireNumber = true): Candidate[] {
  const out: Candidate[] = [];
  let k = from;
  while (k < to) {
    const t = toks[k];
    const next = toks[k + 1];
    if (t.kind === 'id' && next && next.kind === 'open' && (next.text === '(' || next.text === '[' || (f === 'mathematica' && next.text === '['))) {
      if (next.text === '(' || t.text.endsWith('!') || f === 'mathematica') {
        const close = matchClose(toks, k + 1, to);
        if (close < 0) {
          const end = unclosedEnd(toks, k + 1);
          if (end >= 0 && isWrapperName(t, f) && (!requireNumber || containsNumber(toks, k, Math.min(end, to) - 1))) {
            // `np.array([[1, 2], [3, 4]` with no `])`: a broken literal up to where pairing gave up on it.
            out.push({ kind: 'call', first: k, last: Math.min(end, to) - 1, unclosed: true });
            k = Math.min(end, to);
            continue;
          }
          k += 2;
          continue;
        }
        if (isWrapperName(t, f) || (f === 'mathematica' && t.text !== 'Sqrt')) {
          const listArg = toks[k + 2]?.kind === 'open' && toks[k + 2].text !== '(';
          if (!requireNumber || containsNumber(toks, k, close) || listArg) {
            if (f === 'mathematica' && !isWrapperName(t, f)) { k += 2; continue; }
            out.push({ kind: 'call', first: k, last: close });
          }
          k = close + 1;
          continue;
        }
        if (TRANSFORMS.has(baseName(t.text)) && containsNumber(toks, k, close) && findCandidates(toks, f, k + 2, close, true).length > 0) {
          out.push({ kind: 'transform', first: k, last: close });
          k = close + 1;
          continue;
        }
        k += 2;
        continue;
      }
      // Indexing: x[...] is never a literal.
      const close = matchClose(toks, k + 1, to);
      k = close < 0 ? k + 2 : close + 1;
      continue;
    }
    if (t.kind === 'op' && t.text === '<<' && (f === 'cpp' || f === 'generic')) {
      let j = k + 1;
      let depth = 0;
      let stream = false;
      while (j < to) {
        const u = toks[j];
        if (u.kind === 'open') depth++;
        else if (u.kind === 'close') { if (depth === 0) break; depth--; }
        else if (depth === 0 && u.kind === 'sep' && u.text === ';') break;
        else if (depth === 0 && ((u.kind === 'op' && u.text === '<<') || u.kind === 'str')) stream = true;
        j++;
      }
      // `std::cout << x << "\n";` is an output stream, not a comma initialiser.
      if (!(requireNumber && stream) && (!requireNumber || containsNumber(toks, k, j - 1))) out.push({ kind: 'eigen', first: k, last: j - 1 });
      k = j;
      continue;
    }
    if (t.kind === 'open' && t.text === '{' && isCodeBlock(toks, k, f)) {
      // A function body or statement block holds literals; it is not one. Look inside.
      k++;
      continue;
    }
    if (bracketOpens(f, t) && !(endsOperand(toks[k - 1]) && !t.space && k > from)) {
      const close = matchClose(toks, k, to);
      if (close < 0) {
        const end = unclosedEnd(toks, k);
        if (end < 0) { k++; continue; }
        let last = Math.min(end, to) - 1;
        // In prose an unclosed bracket is often just text (`[0, 1)`): it claims its own line only.
        if (f === 'generic' && requireNumber) for (let j = k + 1; j <= last; j++) if (toks[j].nl) { last = j - 1; break; }
        if (!requireNumber || containsNumber(toks, k, last)) out.push({ kind: 'bracket', first: k, last, unclosed: true });
        k = last + 1;
        continue;
      }
      if (!requireNumber || containsNumber(toks, k, close) || close === k + 1) {
        if (!(requireNumber && close === k + 1)) out.push({ kind: 'bracket', first: k, last: close });
      }
      k = close + 1;
      continue;
    }
    k++;
  }
  return out;
}
