/**
 * "Copy back into code": formats one matrix of the current result in the
 * notation of the source literal (or one the user picked) and puts it on the clipboard.
 */
import * as vscode from 'vscode';
import { formatMatrix, formatVector, type FormatNotation } from '../../literals/format';
import { copyNotationFor, notationLabel } from '../../literals/labels';
import type { CopyTarget, SourceInfo } from './protocol';
import type { SvdReport } from '../../engine/report';

function matrixOf(r: SvdReport, target: Exclude<CopyTarget, 'S'>): number[][] {
  switch (target) {
    case 'A':
      return r.A;
    case 'U':
      return r.U;
    case 'Vh':
      return r.Vh;
    case 'Sigma':
      return r.S.map((s, i) => r.S.map((_, j) => (i === j ? s : 0)));
  }
}

/** Copies `target` of `report` to the clipboard in the source's notation and confirms in the status bar. */
export async function copyResult(report: SvdReport, source: SourceInfo, target: CopyTarget, notation?: string): Promise<void> {
  const fmt = (notation ?? copyNotationFor(source.notation)) as FormatNotation;
  const name = target === 'Sigma' ? 'Sigma' : target;
  // S is a 1-D array, as numpy's svd returns it (a column in MATLAB, a Vector in Julia).
  const text = target === 'S' ? formatVector(report.S, fmt, { name }) : formatMatrix(matrixOf(report, target), fmt, { name });
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`LinAlg Lens: copied ${name} as ${notationLabel(fmt)}`, 4000);
}
