/**
 * The results panel's job, start to finish: parse a literal and compute its
 * SVD report. Pure, so it runs inline for small selections and in the worker
 * thread for large ones with exactly the same code.
 */
import { parseLiteral } from '../literals';
import type { ParsedMatrix } from '../literals/types';
import { realMatrix, svdReport, type SvdReport } from './report';

export interface SvdFromText {
  /** The parse result without its values (the report holds the real matrix as `A`). */
  parsed: Omit<ParsedMatrix, 'values'>;
  report: SvdReport;
}

/**
 * Parses `text` (at most `maxEntries` entries; `languageId` of its document as a notation
 * hint) and computes the SVD report.
 * Throws LiteralError (bad literal) or LinAlgError (complex or non-finite entries).
 */
export function svdFromText(text: string, maxEntries: number, languageId?: string): SvdFromText {
  const p = parseLiteral(text, { maxEntries, languageId });
  const report = svdReport(realMatrix(p));
  return { parsed: { rows: p.rows, cols: p.cols, complex: p.complex, notation: p.notation, span: p.span }, report };
}
