/**
 * Blanks what is not data before tokenizing: comments, REPL prompts, Markdown
 * code fences and math delimiters. The result has the same length as the input
 * and keeps every line break, so offsets stay valid positions in the user's text.
 */
import type { Family } from './scanner';

/** Replaces every character of `s[from, to)` except line breaks with a space, in `buf`. */
function blank(buf: string[], from: number, to: number): void {
  for (let k = from; k < to; k++) {
    if (buf[k] !== '\n' && buf[k] !== '\r') buf[k] = ' ';
  }
}

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

/**
 * Returns `src` with comments, prompts, fences and delimiters blanked for family `f`.
 * Strings are skipped so a `#` inside quotes survives.
 */
export function maskText(src: string, f: Family): string {
  const buf = src.split('');
  const n = src.length;
  const doctest = src.includes('>>>');
  // Prompts and fences, line by line (line starts found linearly).
  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const line = src.slice(lineStart, Math.min(lineEnd, lineStart + 40));
    if (/^\s*(```|~~~)/.test(line)) blank(buf, lineStart, lineEnd);
    else {
      const m = PROMPTS.exec(line);
      if (m && (m[1].startsWith('...') ? doctest : true) && !(m[1].startsWith('>') && f === 'latex')) blank(buf, lineStart, lineStart + m[0].length);
    }
    lineStart = lineEnd + 1;
  }
  let prevNonSpace = '';
  let atLineStart = true;
  let i = 0;
  while (i < n) {
    const ch = buf[i];
    if (ch === '\n') { atLineStart = true; i++; continue; }
    if (ch === ' ' || ch === '\t' || ch === '\r') { i++; continue; }
    // Strings (not in LaTeX / Mathematica-free families) are left untouched.
    if (ch === '"' && f !== 'latex') {
      let j = i + 1;
      while (j < n && buf[j] !== '"' && buf[j] !== '\n') j += buf[j] === '\\' ? 2 : 1;
      i = Math.min(n, j + 1);
      prevNonSpace = '"';
      atLineStart = false;
      continue;
    }
    // Block comments.
    const block = blockComment(src, i, f);
    if (block > i) { blank(buf, i, block); i = block; continue; }
    if ((f === 'matlab' || f === 'generic') && isContinuation(src, i) && !atLineStart) {
      let j = i;
      while (j < n && src[j] !== '\n') j++;
      blank(buf, i, Math.min(n, j + 1));
      if (j < n) buf[j] = ' ';
      i = j + 1;
      continue;
    }
    if (f === 'fortran' && ch === '&') { buf[i] = ' '; i++; continue; }
    if (lineComment(f, src, i, prevNonSpace, atLineStart)) {
      let j = i;
      while (j < n && src[j] !== '\n' && src[j] !== '\r') j++;
      blank(buf, i, j);
      i = j;
      continue;
    }
    if (f === 'latex' || f === 'typst' || f === 'generic') {
      if (ch === '$' && src[i - 1] !== '\\') { buf[i] = ' '; i++; continue; }
      if (f !== 'typst' && ch === '\\' && (src[i + 1] === '[' || src[i + 1] === ']' || src[i + 1] === '(' || src[i + 1] === ')') && src[i - 1] !== '\\') {
        buf[i] = ' ';
        buf[i + 1] = ' ';
        i += 2;
        continue;
      }
    }
    prevNonSpace = ch;
    atLineStart = false;
    i++;
  }
  return buf.join('');
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
