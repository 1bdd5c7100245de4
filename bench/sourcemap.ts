/**
 * Just enough of the source-map v3 format to turn a line of dist/bench.js into
 * "src/linalg/bdsqr.ts:27": a base64-VLQ decoder for the `mappings` field.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface RawMap {
  sources: string[];
  sourcesContent?: (string | null)[];
  mappings: string;
}

export interface Origin {
  source: string;
  /** 1-based. */
  line: number;
  text: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeSegment(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const digit = B64.indexOf(ch);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      const negative = value & 1;
      value >>>= 1;
      out.push(negative ? -value : value);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export class SourceMap {
  /** Per generated line (0-based): [generated column, source index, source line (0-based)] segments. */
  private lines: [number, number, number][][] = [];
  private sources: string[];
  private contents: string[][];

  constructor(file: string) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawMap;
    const base = path.dirname(file);
    const cwd = process.cwd();
    this.sources = raw.sources.map((s) => path.relative(cwd, path.resolve(base, s)));
    this.contents = raw.sources.map((s, i) => {
      const c = raw.sourcesContent?.[i];
      if (typeof c === 'string') return c.split('\n');
      try {
        return fs.readFileSync(path.resolve(base, s), 'utf8').split('\n');
      } catch {
        return [];
      }
    });
    let src = 0;
    let srcLine = 0;
    for (const lineText of raw.mappings.split(';')) {
      const segs: [number, number, number][] = [];
      let col = 0;
      if (lineText) {
        for (const s of lineText.split(',')) {
          const f = decodeSegment(s);
          if (f.length === 0) continue;
          col += f[0];
          if (f.length >= 4) {
            src += f[1];
            srcLine += f[2];
            segs.push([col, src, srcLine]);
          }
        }
      }
      this.lines.push(segs);
    }
  }

  /** Origin of a generated position (line 1-based, column 0-based; column omitted = first mapped segment). */
  lookup(line: number, column = -1): Origin | undefined {
    const segs = this.lines[line - 1];
    if (!segs || segs.length === 0) return undefined;
    let best = segs[0];
    if (column >= 0) for (const s of segs) if (s[0] <= column) best = s;
    const [, si, sl] = best;
    return { source: this.sources[si], line: sl + 1, text: (this.contents[si][sl] ?? '').trim() };
  }
}
