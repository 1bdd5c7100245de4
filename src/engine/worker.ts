/**
 * Worker-thread entry (bundled to dist/worker.js): parses and factorises large
 * inputs so the extension host's event loop never waits on them. Replies with
 * the result, or with the refusal (parse or numerical) as plain data.
 */
import { parentPort } from 'worker_threads';
import { LinAlgError } from '../linalg/errors';
import { EntryRefusal } from './report';
import { LiteralError } from '../literals/types';
import { isOperationName, runOperation } from './operations';
import { svdFromText } from './svdFromText';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

function handle(req: WorkerRequest): WorkerReply {
  try {
    switch (req.job) {
      case 'svd-from-text':
        return { ok: true, value: svdFromText(req.text, req.maxEntries, req.languageId) };
      case 'operation':
        if (!isOperationName(req.op)) throw new LinAlgError('invalid-argument', `Unknown operation "${req.op}".`);
        return { ok: true, value: runOperation(req.op, req.input) };
    }
  } catch (e) {
    if (e instanceof LiteralError) return { ok: false, error: 'literal', kind: e.kind, message: e.message, offset: e.position.offset };
    if (e instanceof EntryRefusal) return { ok: false, error: 'linalg', kind: e.kind, message: e.message, offset: e.offset };
    if (e instanceof LinAlgError) return { ok: false, error: 'linalg', kind: e.kind, message: e.message };
    return { ok: false, error: 'bug', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

parentPort?.on('message', (req: WorkerRequest) => parentPort?.postMessage(handle(req)));
