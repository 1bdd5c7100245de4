/**
 * Worker-thread entry (bundled to dist/worker.js): runs one operation of the
 * shared table on a matrix, so a large factorisation never blocks the
 * extension host's event loop. Replies with the report or a LinAlgError's kind and message.
 */
import { parentPort } from 'worker_threads';
import { LinAlgError } from '../linalg/errors';
import { OPERATIONS, isOperationName } from './operations';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (!isOperationName(req.op)) throw new LinAlgError('invalid-argument', `Unknown operation "${req.op}".`);
    reply = { ok: true, value: OPERATIONS[req.op](req.A) };
  } catch (e) {
    reply =
      e instanceof LinAlgError
        ? { ok: false, kind: e.kind, message: e.message }
        : { ok: false, kind: 'bug', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(reply);
});
