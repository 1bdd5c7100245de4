/**
 * Runs a job either inline (small inputs: instant, no thread start-up) or in a
 * worker thread (large inputs: the extension host stays responsive, and the
 * job can be cancelled by terminating the thread). Node-only; no `vscode` import.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { LinAlgError } from '../linalg/errors';
import { EntryRefusal } from './report';
import { LiteralError, positionAt } from '../literals/types';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

/** Selections longer than this many characters are parsed and factorised in a worker. */
export const WORKER_THRESHOLD_CHARS = 40_000;

/** Raised when the caller cancelled a job that was running in the worker. */
export class JobCancelled extends Error {}

/** Lets a caller stop a worker job (VS Code's CancellationToken fits this shape). */
export interface Cancellation {
  isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

function textOf(req: WorkerRequest): string {
  return req.job === 'svd-from-text' ? req.text : '';
}

/**
 * Runs `req` in `<extensionRoot>/dist/worker.js` when `heavy`, else calls `inline`.
 * Either way a refusal arrives as the same LiteralError / LinAlgError it would be inline.
 */
export async function runJob<T>(extensionRoot: string, req: WorkerRequest, heavy: boolean, inline: () => T, cancel?: Cancellation): Promise<T> {
  if (!heavy) return inline();
  const worker = new Worker(path.join(extensionRoot, 'dist', 'worker.js'));
  const sub = cancel?.onCancellationRequested(() => void worker.terminate());
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(cancel?.isCancellationRequested ? new JobCancelled('cancelled') : new Error(`computation worker exited with code ${code}`)));
      worker.postMessage(req);
    });
    if (reply.ok) return reply.value as T;
    switch (reply.error) {
      case 'literal':
        throw new LiteralError(reply.kind, reply.message, positionAt(textOf(req), reply.offset));
      case 'linalg':
        throw reply.offset !== undefined ? new EntryRefusal(reply.kind, reply.message, reply.offset) : new LinAlgError(reply.kind, reply.message);
      default:
        throw new Error(reply.message);
    }
  } finally {
    sub?.dispose();
    void worker.terminate();
  }
}
