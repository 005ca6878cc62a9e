/** Reading and writing the review ledger file for `check --ledger` and `feedback --review`. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LedgerRow } from '../core/ledger';
import { buildLedger, readLedger } from '../hosts/file/ledger';
import { UnreadableError } from '../hosts/file/load';
import { UsageError } from './rules';
import { CLI_TEXT as T } from './text';

export async function writeLedger(file: string, rows: readonly LedgerRow[]): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await buildLedger(rows).xlsx.writeFile(file);
}

export async function readReview(file: string): Promise<{ rows: LedgerRow[]; problems: string[] }> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(T.cannotReadLedger(file));
  }
  try {
    return await readLedger(bytes);
  } catch (e) {
    throw new UsageError(`${T.cannotReadLedger(file)}：${e instanceof UnreadableError ? e.reason : String(e)}`);
  }
}
