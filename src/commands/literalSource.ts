/**
 * Finds the text a command should work on: the selection when there is one,
 * otherwise the literal around the cursor. Only reads the document.
 */
import type * as vscode from 'vscode';
import { findLiteralAt } from '../literals';
import { positionAt, type LiteralError } from '../literals/types';

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

export interface LiteralText {
  text: string;
  /** Document offset of `text`'s first character. */
  start: number;
}

/**
 * The document's language as a notation hint. VS Code without a MATLAB extension
 * opens `.m` files as Objective-C; unless the file looks like Objective-C
 * (`#import`, `@interface`, …) it is MATLAB/Octave, so `'` is a transpose and
 * `[2 -1 3]` a MATLAB row.
 */
export function languageHint(doc: vscode.TextDocument): string {
  if (doc.languageId === 'objective-c' && /\.m$/i.test(doc.fileName)) {
    const head = doc.getText().slice(0, 20000);
    if (!/^\s*(#import|#include|@interface|@implementation|@protocol)\b/m.test(head)) return 'matlab';
  }
  return doc.languageId;
}

/**
 * The selected text, or the literal under the cursor.
 * Throws `UserFacingError` when there is neither.
 */
export function locateLiteral(editor: vscode.TextEditor): LiteralText {
  const doc = editor.document;
  if (!editor.selection.isEmpty) {
    const text = doc.getText(editor.selection);
    if (text.trim() === '') throw new UserFacingError('The selection is only white space. Select a matrix literal, or put the cursor inside one.');
    return { text, start: doc.offsetAt(editor.selection.start) };
  }
  const full = doc.getText();
  const span = findLiteralAt(full, doc.offsetAt(editor.selection.active), languageHint(doc));
  if (!span) {
    throw new UserFacingError(
      'No matrix literal under the cursor. Select one (for example np.array([[3, 1], [1, 3]]) or [1 2; 3 4]), or put the cursor inside it.',
    );
  }
  return { text: full.slice(span.start, span.end), start: span.start };
}

/** A parse refusal as a message with the document line and column, pointing at the spot. */
export function literalErrorInDocument(doc: vscode.TextDocument, source: LiteralText, e: LiteralError): UserFacingError {
  return refusalAt(doc, source, e.message, e.position.offset);
}

/** `message` about the spot `offset` (into the literal's text), with the document line and column. */
export function refusalAt(doc: vscode.TextDocument, source: LiteralText, message: string, offset: number): UserFacingError {
  const at = source.start + offset;
  const where = positionAt(doc.getText(), at);
  return new UserFacingError(`${message} (line ${where.line}, column ${where.column})`, doc.positionAt(at));
}
