/** Numbers as the messages and drafts print them: no thousands separators, no float noise. */

export function fmtNum(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const f = 10 ** maxDecimals;
  const r = Math.round(n * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A percentage or ratio computed by the engine: one decimal place, trailing zero kept. */
export function fmtRate(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

export function fmtValue(v: number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return fmtNum(v);
}
