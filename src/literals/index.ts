/**
 * Public API of the literal parser: find matrix literals in a document, read
 * one in any notation, and write a matrix back in any notation. Pure text in,
 * plain JSON-safe data out; no `vscode`, no DOM.
 */
export { parseLiteral } from './parse';
export type { ParseOptions } from './parse';
export * from './types';
export { findLiteralAt, findLiterals } from './find';
export type { LiteralSpan } from './find';
export { formatMatrix, formatVector } from './format';
export type { FormatNotation, FormatOptions } from './format';
