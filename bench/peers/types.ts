/**
 * How a library takes part: per operation, a conversion of the shared input
 * into the library's natural argument (untimed), the timed call, and a
 * conversion of its answer into the neutral `Std` shape (untimed).
 */
import type { BenchCase, Op } from '../cases';
import type { Std } from '../std';

export interface Impl<I, R> {
  /** Untimed: shared input → the library's native argument. */
  prepare(c: BenchCase): I;
  /** Timed: the public call(s) a user makes to get the answer in the library's own output types. */
  run(input: I): R;
  /** Untimed: native answer → neutral shape for the checks. */
  extract(out: R, c: BenchCase): Std;
  /** How the library is used for this operation, for the report (e.g. "SVD route"). */
  how?: string;
}

export type AnyImpl = Impl<unknown, unknown>;

/** Erases the type parameters so implementations of different operations share one table. */
export function impl<I, R>(x: Impl<I, R>): AnyImpl {
  return x as unknown as AnyImpl;
}

export type LibId = 'ours' | 'ml' | 'mathjs';

export interface Library {
  id: LibId;
  name: string;
  version: string;
  impls: Partial<Record<Op, AnyImpl>>;
  /** Why an operation is absent ("n/a" in the table). */
  missing: Partial<Record<Op, string>>;
}
