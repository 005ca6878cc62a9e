/**
 * Lifting a sheet's protection for the moment the product writes its marks, and putting it back
 * exactly as it was.
 *
 * The blank template protects every sheet without a password, so returned workbooks usually have
 * protected sheets. A sheet protected without a password can be unprotected by anyone (Review →
 * Unprotect Sheet), so the add-in does the same: it unprotects the sheets it has to write on,
 * writes, and protects them again with the options they had (read beforehand; complete from
 * ExcelApi 1.7). A sheet with a password is never unprotected: it is known from
 * `isPasswordProtected` where Excel tells (ExcelApiOnline 1.1, Excel on the web), and otherwise
 * from `unprotect()` failing or leaving it protected. Such sheets stay locked and are reported.
 *
 * Round trips: one to unprotect every sheet at once and one to protect them all again (with a
 * check of the result). Only when something fails does it go sheet by sheet.
 */
import type { HostStrings } from '../../i18n';
import type { XContext, XProtectionOptions, XWorksheet } from './api';
import { HostError, hostError, officeCode } from './errors';

/**
 * Whether a failed write looks like a protected sheet refusing it. Office.js documents
 * `AccessDenied` ("You cannot perform the requested operation.") and uses it for protection
 * (e.g. AllowEditRange, and protect()/unprotect() in recent builds); what Excel 2016 itself sends
 * for a write to a protected sheet is not documented, so Excel's message is looked at too: it is
 * localised, and names the protection ("…is on a protected sheet…", "…受保护的工作表…").
 */
export function isProtectionError(e: unknown): boolean {
  if (officeCode(e) === 'AccessDenied') return true;
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return /protect|保护|保護/i.test(message);
}

/** Errors that are about Excel's state, not about one sheet: trying sheet by sheet would not help. */
const NOT_A_SHEETS_FAULT: ReadonlySet<string> = new Set(['InvalidOperationInCellEditMode', 'RequestAborted']);

/** Whether a failed write may be one sheet's doing, so that the other sheets are worth a try. */
export function isSheetSpecific(e: unknown): boolean {
  const code = officeCode(e);
  return code === undefined || !NOT_A_SHEETS_FAULT.has(code);
}

/** A sheet as the marking code sees it. */
export interface SheetEntry {
  ws: XWorksheet;
  /** protected, and to be left alone */
  locked: boolean;
  /** for a protected sheet, when this Excel can protect it again as it was */
  protection?: { options: XProtectionOptions; password: boolean };
}

/** A sheet this run has unprotected and must protect again. */
export interface Unlocked {
  sheet: string;
  ws: XWorksheet;
  options: XProtectionOptions;
}

/** The same options, key by key (Excel returns every key it knows). */
export function sameOptions(a: XProtectionOptions, b: XProtectionOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof XProtectionOptions)[]);
  return [...keys].every((k) => a[k] === b[k]);
}

async function trySync(ctx: XContext): Promise<boolean> {
  try {
    await ctx.sync();
    return true;
  } catch {
    return false;
  }
}

function isProtected(ws: XWorksheet): boolean | null {
  try {
    return ws.protection.protected;
  } catch {
    return null;
  }
}

/**
 * Unprotects the protected sheets among `needed` that have no password and can be protected again
 * as they were; marks them unlocked in `sheets` and returns them. Never throws after it has
 * unprotected anything: on an unexpected failure it protects them again first.
 */
export async function unlockSheets(
  ctx: XContext,
  text: HostStrings,
  sheets: Map<string, SheetEntry>,
  needed: Iterable<string>,
): Promise<Unlocked[]> {
  const candidates: Unlocked[] = [];
  for (const sheet of new Set(needed)) {
    const st = sheets.get(sheet);
    if (st?.locked && st.protection && !st.protection.password)
      candidates.push({ sheet, ws: st.ws, options: st.protection.options });
  }
  if (!candidates.length) return [];

  try {
    for (const c of candidates) c.ws.protection.unprotect();
    for (const c of candidates) c.ws.protection.load('protected');
    if (!(await trySync(ctx))) {
      // One of them refused (a password, most likely) and the commands after it were dropped:
      // see where each sheet stands, then try the rest one at a time.
      for (const c of candidates) c.ws.protection.load('protected');
      await ctx.sync();
      for (const c of candidates.filter((c) => isProtected(c.ws))) {
        c.ws.protection.unprotect();
        c.ws.protection.load('protected');
        await trySync(ctx);
      }
    }
  } catch (e) {
    const problems = await relockSheets(ctx, text, candidates, true);
    if (problems.length) throw new HostError([hostError(e, text).message, ...problems].join('\n'));
    throw e;
  }

  // A sheet that is still protected had a password, or Excel would not lift it: it stays locked.
  const unlocked = candidates.filter((c) => isProtected(c.ws) === false);
  for (const u of unlocked) sheets.get(u.sheet)!.locked = false;
  return unlocked;
}

/**
 * Protects the sheets again with their own options and checks that they are. Returns what the
 * user must know (a sheet left unprotected, or protected with other options); never throws.
 * `unsure`: some of the sheets may still be protected (after a failure while unprotecting).
 */
export async function relockSheets(
  ctx: XContext,
  text: HostStrings,
  unlocked: readonly Unlocked[],
  unsure = false,
): Promise<string[]> {
  if (!unlocked.length) return [];
  if (!unsure) {
    for (const u of unlocked) u.ws.protection.protect(u.options);
    for (const u of unlocked) u.ws.protection.load('protected,options');
    if (await trySync(ctx)) return unlocked.flatMap((u) => verdict(text, u));
  }

  // Something failed: see where each sheet stands and go one by one.
  for (const u of unlocked) u.ws.protection.load('protected,options');
  const known = await trySync(ctx);
  const problems: string[] = [];
  for (const u of unlocked) {
    if (known && isProtected(u.ws)) {
      problems.push(...verdict(text, u));
      continue;
    }
    // Its own options first; failing that, Excel's defaults, which allow less: never less
    // protected than before.
    u.ws.protection.protect(u.options);
    u.ws.protection.load('protected,options');
    if (await trySync(ctx)) {
      problems.push(...verdict(text, u));
      continue;
    }
    u.ws.protection.protect();
    u.ws.protection.load('protected');
    if ((await trySync(ctx)) && isProtected(u.ws)) problems.push(text.protectionChanged(u.sheet));
    else problems.push(text.protectionNotRestored(u.sheet));
  }
  return problems;
}

function verdict(text: HostStrings, u: Unlocked): string[] {
  if (!isProtected(u.ws)) return [text.protectionNotRestored(u.sheet)];
  let options: XProtectionOptions;
  try {
    options = u.ws.protection.options;
  } catch {
    return [];
  }
  return sameOptions(u.options, options) ? [] : [text.protectionChanged(u.sheet)];
}

/**
 * Runs `work` with the sheets in `needed` unprotected where that is allowed (see the top of this
 * file), and protects them again afterwards, also when `work` fails. Returns its value and what
 * the user must know about the protection.
 */
export async function withUnlocked<T>(
  ctx: XContext,
  text: HostStrings,
  sheets: Map<string, SheetEntry>,
  needed: Iterable<string>,
  work: () => Promise<T>,
): Promise<{ value: T; warnings: string[] }> {
  const unlocked = await unlockSheets(ctx, text, sheets, needed);
  let value: T;
  try {
    value = await work();
  } catch (e) {
    const problems = await relockSheets(ctx, text, unlocked);
    if (problems.length) throw new HostError([hostError(e, text).message, ...problems].join('\n'));
    throw e;
  }
  return { value, warnings: await relockSheets(ctx, text, unlocked) };
}
