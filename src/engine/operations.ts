/**
 * The table of operations the front ends can run by name (the results panel,
 * the worker thread and the CLI share it). Pure.
 */
import { svdReport, type SvdReport } from './report';

export interface OperationReports {
  svd: SvdReport;
}

export type OperationName = keyof OperationReports;

export const OPERATIONS: { [K in OperationName]: (A: number[][]) => OperationReports[K] } = {
  svd: svdReport,
};

export function isOperationName(s: string): s is OperationName {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, s);
}
