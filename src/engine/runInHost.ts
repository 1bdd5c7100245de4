/**
 * Runs an operation either inline (small inputs: instant, no thread start-up)
 * or in a worker thread (large inputs: the extension host stays responsive).
 * Node-only; no `vscode` import.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { LinAlgError } from '../linalg/errors';
import type { OperationInput, OperationName } from './operations';
import type { WorkerReply, WorkerRequest } from './workerProtocol';
import type { PANEL_SVD } from './workerProtocol';

/** Inputs with more entries than this are computed in a worker thread. */
export const WORKER_THRESHOLD_ENTRIES = 10_000;

/**
 * Computes `op` on `A`: inline through `inline` below the threshold, otherwise in
 * `<extensionRoot>/dist/worker.js` (which runs the same operation table). Rejects with the worker's LinAlgError as a LinAlgError.
 */
export async function runInWorker<T>(extensionRoot: string, op: OperationName | typeof PANEL_SVD, input: OperationInput, inline: () => T): Promise<T> {
  const entries = input.A.length * (input.A[0]?.length ?? 0);
  if (entries <= WORKER_THRESHOLD_ENTRIES) return inline();
  const worker = new Worker(path.join(extensionRoot, 'dist', 'worker.js'));
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`computation worker exited with code ${code}`)));
      const req: WorkerRequest = { op, input };
      worker.postMessage(req);
    });
    if (reply.ok) return reply.value as T;
    if (reply.kind === 'bug') throw new Error(reply.message);
    throw new LinAlgError(reply.kind, reply.message);
  } finally {
    void worker.terminate();
  }
}
