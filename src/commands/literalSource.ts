/**
 * Reads the matrix literal a command should work on: the selection when there is
 * one, otherwise the literal around the cursor. Never edits the document.
 */
import * as vscode from 'vscode';
import { findLiteralAt, parseLiteral } from '../literals';
import { LiteralError, positionAt, type ParsedMatrix } from '../literals/types';

/** A refusal meant for the user: shown as a message, optionally with a place to point at. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    /** Where in the document the problem is, if known. */
    readonly at?: vscode.Position,
  ) {
    super(message);
  }
}

export interface LiteralInEditor {
  parsed: ParsedMatrix;
  /** The document range the literal occupies. */
  range: vscode.Range;
}

/**
 * Parses the literal of the active editor's selection, or the one under the cursor.
 * Throws `UserFacingError` with a message that says what and where.
 */
export function readLiteral(editor: vscode.TextEditor, maxEntries: number): LiteralInEditor {
  const doc = editor.document;
  let start: number;
  let text: string;
  if (!editor.selection.isEmpty) {
    start = doc.offsetAt(editor.selection.start);
    text = doc.getText(editor.selection);
    if (text.trim() === '') throw new UserFacingError('The selection is empty. Select a matrix literal, or put the cursor inside one.');
  } else {
    const full = doc.getText();
    const span = findLiteralAt(full, doc.offsetAt(editor.selection.active), doc.languageId);
    if (!span) {
      throw new UserFacingError(
        'No matrix literal under the cursor. Select one (for example np.array([[3, 1], [1, 3]]) or [1 2; 3 4]), or put the cursor inside it.',
      );
    }
    start = span.start;
    text = full.slice(span.start, span.end);
  }
  try {
    const parsed = parseLiteral(text, { maxEntries });
    const range = new vscode.Range(doc.positionAt(start + parsed.span.start), doc.positionAt(start + parsed.span.end));
    return { parsed, range };
  } catch (e) {
    if (e instanceof LiteralError) {
      const at = doc.positionAt(start + e.position.offset);
      const where = positionAt(doc.getText(), start + e.position.offset);
      throw new UserFacingError(`${e.message} (line ${where.line}, column ${where.column})`, at);
    }
    throw e;
  }
}
