/**
 * The "Compute …" command family: read a literal, compute, show the results panel.
 * Refusals (bad literal, non-finite or complex entries, size limit) become messages;
 * anything else is a bug and is logged with its stack to the output channel.
 */
import * as vscode from 'vscode';
import * as path from 'path';
import { COMMAND_IDS, SETTINGS } from './ids';
import { readLiteral, UserFacingError } from './literalSource';
import { realMatrix, svdReport } from '../engine/report';
import { runInWorker } from '../engine/runInHost';
import { PANEL_SVD } from '../engine/workerProtocol';
import { isLinAlgError } from '../linalg/errors';
import { notationLabel } from '../literals/labels';
import { ResultsPanel } from '../webviews/results/resultsPanel';
import type { ResultsState } from '../webviews/results/protocol';

/** What the command returns to programmatic callers (tests, other extensions). */
export interface ComputeSvdResult {
  S: number[];
  rank: number;
  rows: number;
  cols: number;
}

let seq = 0;

export function registerComputeCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND_IDS.computeSvd, () => computeSvd(context, log)),
    ResultsPanel.registerSerializer(context.extensionUri),
  );
}

async function computeSvd(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<ComputeSvdResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('LinAlg Lens: open a file and select a matrix literal first.');
    return undefined;
  }
  const config = vscode.workspace.getConfiguration('linalgLens');
  const maxEntries = config.get<number>(SETTINGS.maxEntries.key, SETTINGS.maxEntries.default);
  const digits = config.get<number>(SETTINGS.displayDigits.key, SETTINGS.displayDigits.default);
  try {
    const { parsed, range } = readLiteral(editor, maxEntries);
    const A = realMatrix(parsed);
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `LinAlg Lens: SVD of a ${parsed.rows}×${parsed.cols} matrix` },
      () => runInWorker(context.extensionUri.fsPath, PANEL_SVD, { A }, () => svdReport(A)),
    );
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
    const state: ResultsState = {
      seq: ++seq,
      digits,
      report,
      source: {
        file: folder ? path.relative(folder.uri.fsPath, editor.document.uri.fsPath) : path.basename(editor.document.fileName),
        uri: editor.document.uri.toString(),
        line: range.start.line + 1,
        notation: parsed.notation,
        notationLabel: notationLabel(parsed.notation),
      },
    };
    ResultsPanel.show(context.extensionUri, state);
    return { S: report.S, rank: report.rank, rows: report.rows, cols: report.cols };
  } catch (e) {
    if (e instanceof UserFacingError) {
      void showRefusal(editor, e.message, e.at);
      return undefined;
    }
    if (isLinAlgError(e)) {
      void showRefusal(editor, e.message);
      return undefined;
    }
    log.error('Compute SVD failed unexpectedly', e instanceof Error ? (e.stack ?? e.message) : String(e));
    void vscode.window.showErrorMessage('LinAlg Lens: the SVD failed unexpectedly. Details are in the "LinAlg Lens" output channel.');
    return undefined;
  }
}

async function showRefusal(editor: vscode.TextEditor, message: string, at?: vscode.Position): Promise<void> {
  ResultsPanel.showErrorIfOpen('Could not compute the SVD', message);
  const action = at ? 'Show Position' : undefined;
  const picked = await (action
    ? vscode.window.showWarningMessage(`LinAlg Lens: ${message}`, action)
    : vscode.window.showWarningMessage(`LinAlg Lens: ${message}`));
  if (picked && at) {
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: new vscode.Range(at, at) });
  }
}
