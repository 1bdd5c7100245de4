/** Messages between the extension host and the computation worker (dist/worker.js). */
import type { LinAlgErrorKind } from '../linalg/errors';

export interface WorkerRequest {
  /** An operation name of `OPERATIONS`. */
  op: string;
  /** The real input matrix, row-major. */
  A: number[][];
}

export type WorkerReply =
  | { ok: true; value: unknown }
  /** `kind` is a LinAlgError kind, or 'bug' for anything unexpected (message then holds the stack). */
  | { ok: false; kind: LinAlgErrorKind | 'bug'; message: string };
