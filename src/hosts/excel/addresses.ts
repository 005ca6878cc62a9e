/** Sheet-qualified A1 addresses as Excel writes and reads them. */
import { a1 } from '../../core/address';

/** `'Sheet name'!A1`; quotes inside a sheet name are doubled. */
export function qualified(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Splits `Sheet1!A1`, `'My sheet'!$A$1` or `'It''s'!A1:B2` into sheet and top-left cell. */
export function splitAddress(address: string): { sheet: string; cell: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)/i.exec(address);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  return { sheet, cell: `${m[3]!.toUpperCase()}${m[4]}` };
}

/** The A1 address of a block of `rows` × `cols` cells whose top-left cell is (row, col), 0-based. */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  const from = a1(row + 1, col + 1);
  return rows === 1 && cols === 1 ? from : `${from}:${a1(row + rows, col + cols)}`;
}
