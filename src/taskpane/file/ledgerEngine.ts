/** The review ledger's workbook in the browser: the same buildLedger and readLedger as the command. */
import { buildLedger, readLedger } from '../../hosts/file/ledger';
import type { LedgerEngine } from './types';

export const ledgerEngine: LedgerEngine = {
  async build(rows) {
    return new Uint8Array(await buildLedger(rows).xlsx.writeBuffer());
  },
  read: readLedger,
};
