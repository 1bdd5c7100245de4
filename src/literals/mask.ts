/**
 * Blanks what is not data before tokenizing: comments, REPL prompts, Markdown
 * code fences and math delimiters. The result has the same length as the input
 * and keeps every line break, so offsets stay valid positions in the user's text.
 */
import type { Family } from './scanner';

/** Line-comment starters per family (`generic` tries the common ones). */
function lineComment(f: Family, src: string, i: number, prevNonSpace: string, atLineStart: boolean): boolean {
  const ch = src[i];
  switch (f) {
    case 'python': case 'r': case 'julia': return ch === '#';
    case 'matlab': return ch === '%' || ch === '#';
    case 'latex': return ch === '%' && src[i - 1] !== '\\';
    case 'js': case 'cpp': case 'rust': case 'typst': return ch === '/' && src[i + 1] === '/';
    case 'fortran': return ch === '!';
    case 'mathematica': return ch === '/' && src[i + 1] === '/';
    case 'generic':
      if (ch === '#' || (ch === '%' && src[i - 1] !== '\\')) return true;
      return ch === '/' && src[i + 1] === '/' && (atLineStart || prevNonSpace === '' || ' \t}])'.includes(src[i - 1] ?? ' ') || prevNonSpace === '}');
  }
}

/** A MATLAB continuation: `...` then only spaces or comment words up to the end of the line. */
function isContinuation(src: string, i: number): boolean {
  if (!src.startsWith('...', i)) return false;
  let k = i + 3;
  while (k < src.length && (src[k] === ' ' || src[k] === '\t')) k++;
  if (k >= src.length || src[k] === '\n' || src[k] === '\r') return true;
  return /\p{L}/u.test(src[k]) || src[k] === '%';
}

const PROMPTS = /^[ \t]*(>>> ?|\.\.\.(?=\s|$) ?|In \[\d*\]: ?|Out\[\d*\]: ?|julia> |octave:\d+> ?|>> ?|R> |> (?=[A-Za-z]))/;

/** ASCII characters that can start something to blank (everything else is copied as is). */
const INTERESTING = new Uint8Array(128);
for (const ch of '"\'#%/(.$\\&!') INTERESTING[ch.charCodeAt(0)] = 1;

/**
 * Returns `src` with comments, prompts, fences and delimiters blanked for family `f`.
 * Strings are skipped so a `#` inside quotes survives. One pass; the blanked
 * ranges are collected and the result assembled from slices.
 */
export function maskText(src: string, f: Family): string {
  const n = src.length;
  const doctest = src.includes('>>>');
  const ranges: number[] = [];
  /** Blanks `[a, b)`; line breaks survive unless `joinLines` (a MATLAB continuation joins two lines). */
  const mark = (a: number, b: number, joinLines = 0): void => {
    if (b > a) ranges.push(a, b, joinLines);
  };
  const singleQuotes = f === 'python' || f === 'js' || f === 'r';
  let prevNonSpace = '';
  let prevAt = -1;
  let atLineStart = true;
  let lineStart = 0;
  let i = 0;
  while (i < n) {
    if (i === lineStart) {
      let lineEnd = src.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = n;
      const line = src.slice(i, Math.min(lineEnd, i + 40));
      if (/^\s*(```|~~~)/.test(line)) { mark(i, lineEnd); i = lineEnd; continue; }
      const m = PROMPTS.exec(line);
      if (m && (m[1].startsWith('...') ? doctest : true) && !(m[1].startsWith('>') && f === 'latex')) {
        mark(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    const c = src.charCodeAt(i);
    if (c === 10) { atLineStart = true; i++; lineStart = i; continue; }
    if (c === 32 || c === 9 || c === 13) { i++; continue; }
    if (c >= 128 || !INTERESTING[c]) { prevAt = i; atLineStart = false; i++; continue; }
    const ch = src[i];
    prevNonSpace = prevAt >= 0 ? src[prevAt] : '';
    // Strings are left untouched (not in LaTeX, where quotes are text).
    if ((ch === '"' && f !== 'latex') || (ch === "'" && singleQuotes)) {
      let j = i + 1;
      while (j < n && src[j] !== ch && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      i = Math.min(n, j + 1);
      prevAt = i - 1;
      atLineStart = false;
      continue;
    }
    const block = blockComment(src, i, f);
    if (block > i) { mark(i, block); i = block; continue; }
    if ((f === 'matlab' || f === 'generic') && !atLineStart && isContinuation(src, i)) {
      let j = i;
      while (j < n && src[j] !== '\n') j++;
      mark(i, Math.min(n, j + 1), 1);
      i = j + 1;
      lineStart = i;
      continue;
    }
    if (f === 'fortran' && ch === '&') { mark(i, i + 1); i++; continue; }
    if (lineComment(f, src, i, prevNonSpace, atLineStart)) {
      let j = i;
      while (j < n && src[j] !== '\n' && src[j] !== '\r') j++;
      mark(i, j);
      i = j;
      continue;
    }
    if (f === 'latex' || f === 'typst' || f === 'generic') {
      if (ch === '$' && src[i - 1] !== '\\') { mark(i, i + 1); i++; continue; }
      if (f !== 'typst' && ch === '\\' && (src[i + 1] === '[' || src[i + 1] === ']' || src[i + 1] === '(' || src[i + 1] === ')') && src[i - 1] !== '\\') {
        mark(i, i + 2);
        i += 2;
        continue;
      }
    }
    prevAt = i;
    atLineStart = false;
    i++;
  }
  if (ranges.length === 0) return src;
  const parts: string[] = [];
  let p = 0;
  for (let k = 0; k < ranges.length; k += 3) {
    const piece = src.slice(ranges[k], ranges[k + 1]);
    parts.push(src.slice(p, ranges[k]), ranges[k + 2] ? ' '.repeat(piece.length) : piece.replace(/[^\n\r]/g, ' '));
    p = ranges[k + 1];
  }
  parts.push(src.slice(p));
  return parts.join('');
}

/** End offset of a block comment starting at `i`, or `i` when none starts there. */
function blockComment(src: string, i: number, f: Family): number {
  const open = (a: string, b: string): number => {
    if (!src.startsWith(a, i)) return i;
    const end = src.indexOf(b, i + a.length);
    return end < 0 ? src.length : end + b.length;
  };
  switch (f) {
    case 'js': case 'cpp': case 'rust': case 'typst': return open('/*', '*/');
    case 'mathematica': return open('(*', '*)');
    case 'julia': return open('#=', '=#');
    case 'matlab': return src.startsWith('%{', i) && (src[i + 2] === '\n' || src[i + 2] === '\r') ? open('%{', '%}') : i;
    case 'generic': {
      const a = open('(*', '*)');
      return a > i ? a : open('/*', '*/');
    }
    default: return i;
  }
}
