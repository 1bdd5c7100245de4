/**
 * Worker-thread entry (bundled to dist/worker.js): runs one operation of the
 * shared table on a matrix, so a large factorisation never blocks the
 * extension host's event loop. Replies with the report or a LinAlgError's kind and message.
 */
import { parentPort } from 'worker_threads';
import { LinAlgError } from '../linalg/errors';
import { isOperationName, runOperation } from './operations';
import { svdReport } from './report';
import { PANEL_SVD } from './workerProtocol';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (req.op === PANEL_SVD) reply = { ok: true, value: svdReport(req.input.A) };
    else if (isOperationName(req.op)) reply = { ok: true, value: runOperation(req.op, req.input) };
    else throw new LinAlgError('invalid-argument', `Unknown operation "${req.op}".`);
  } catch (e) {
    reply =
      e instanceof LinAlgError
        ? { ok: false, kind: e.kind, message: e.message }
        : { ok: false, kind: 'bug', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(reply);
});
