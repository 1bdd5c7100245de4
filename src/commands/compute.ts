/**
 * The "Compute …" command family: read a literal, compute, show the results panel.
 * Refusals (bad literal, non-finite or complex entries, size limit) become messages;
 * anything else is a bug and is logged with its stack to the output channel.
 */
import * as vscode from 'vscode';
import * as path from 'path';
import { COMMAND_IDS, SETTINGS } from './ids';
import { languageHint, literalErrorInDocument, locateLiteral, refusalAt, UserFacingError } from './literalSource';
import { svdFromText, type SvdFromText } from '../engine/svdFromText';
import { EntryRefusal } from '../engine/report';
import { JobCancelled, runJob, WORKER_THRESHOLD_CHARS } from '../engine/runInHost';
import { isLinAlgError } from '../linalg/errors';
import { LiteralError } from '../literals/types';
import { notationLabel } from '../literals/labels';
import { ResultsPanel } from '../webviews/results/resultsPanel';

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
    const source = locateLiteral(editor);
    const languageId = languageHint(editor.document);
    const heavy = source.text.length > WORKER_THRESHOLD_CHARS;
    let result: SvdFromText;
    try {
      result = await vscode.window.withProgress(
        heavy
          ? { location: vscode.ProgressLocation.Notification, title: 'LinAlg Lens: computing the SVD of a large matrix…', cancellable: true }
          : { location: vscode.ProgressLocation.Window, title: 'LinAlg Lens: SVD' },
        (_progress, token) =>
          runJob(
            context.extensionUri.fsPath,
            { job: 'svd-from-text', text: source.text, maxEntries, languageId },
            heavy,
            () => svdFromText(source.text, maxEntries, languageId),
            token,
          ),
      );
    } catch (e) {
      if (e instanceof LiteralError) throw literalErrorInDocument(editor.document, source, e);
      if (e instanceof EntryRefusal) throw refusalAt(editor.document, source, e.message, e.offset);
      throw e;
    }
    const { parsed, report } = result;
    const range = new vscode.Range(
      editor.document.positionAt(source.start + parsed.span.start),
      editor.document.positionAt(source.start + parsed.span.end),
    );
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
    ResultsPanel.show(context.extensionUri, {
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
    });
    return { S: report.S, rank: report.rank, rows: report.rows, cols: report.cols };
  } catch (e) {
    if (e instanceof JobCancelled) {
      vscode.window.setStatusBarMessage('LinAlg Lens: SVD cancelled', 4000);
      return undefined;
    }
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
