/** Messages between the extension host and the computation worker (dist/worker.js). */
import type { LinAlgErrorKind } from '../linalg/errors';
import type { OperationInput } from './operations';

export interface WorkerRequest {
  /** An operation name of `OPERATIONS`, or 'panel:svd' for the results panel's full SVD report. */
  op: string;
  /** The operation's inputs (real matrices, row-major). */
  input: OperationInput;
}

export type WorkerReply =
  | { ok: true; value: unknown }
  /** `kind` is a LinAlgError kind, or 'bug' for anything unexpected (message then holds the stack). */
  | { ok: false; kind: LinAlgErrorKind | 'bug'; message: string };

/** The worker operation that returns the results panel's `SvdReport`. */
export const PANEL_SVD = 'panel:svd';
