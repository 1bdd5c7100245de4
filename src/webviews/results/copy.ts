/**
 * "Copy back into code": formats one matrix of the current result in the
 * notation of the source literal (or one the user picked) and puts it on the clipboard.
 */
import * as vscode from 'vscode';
import { formatMatrix, type FormatNotation } from '../../literals/format';
import { copyNotationFor, notationLabel } from '../../literals/labels';
import type { CopyTarget, ResultsState } from './protocol';

function matrixOf(state: ResultsState, target: CopyTarget): number[][] {
  const r = state.report;
  switch (target) {
    case 'A':
      return r.A;
    case 'U':
      return r.U;
    case 'Vh':
      return r.Vh;
    case 'S':
      return [r.S];
    case 'Sigma':
      return r.S.map((s, i) => r.S.map((_, j) => (i === j ? s : 0)));
  }
}

/** Copies `target` of `state` to the clipboard and confirms with a status-bar message. */
export async function copyResult(state: ResultsState, target: CopyTarget, notation?: string): Promise<void> {
  const fmt = (notation ?? copyNotationFor(state.source.notation)) as FormatNotation;
  const name = target === 'Sigma' ? 'Sigma' : target;
  const text = formatMatrix(matrixOf(state, target), fmt, { name });
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`LinAlg Lens: copied ${name} as ${notationLabel(fmt)}`, 4000);
}
