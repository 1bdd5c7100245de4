/** Messages between the extension host and the computation worker (dist/worker.js). */
import type { LinAlgErrorKind } from '../linalg/errors';
import type { LiteralErrorKind } from '../literals/types';
import type { OperationInput } from './operations';

export type WorkerRequest =
  /** Run an operation of the shared table. */
  | { job: 'operation'; op: string; input: OperationInput }
  /** Parse a literal and compute the results panel's SVD report (see `svdFromText`). */
  | { job: 'svd-from-text'; text: string; maxEntries: number; languageId?: string };

export type WorkerReply =
  | { ok: true; value: unknown }
  /** A parse refusal; `offset` is into the request's text. */
  | { ok: false; error: 'literal'; kind: LiteralErrorKind; message: string; offset: number }
  /** A numerical refusal; `offset` (into the request's text) when it concerns one entry. */
  | { ok: false; error: 'linalg'; kind: LinAlgErrorKind; message: string; offset?: number }
  /** Anything unexpected: `message` holds the stack. */
  | { ok: false; error: 'bug'; message: string };
