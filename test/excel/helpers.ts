import { DEFAULT_RULESET } from '../fixtures/ruleset2025';
import type { Report } from '../../src/core/types';
import { validate } from '../../src/core/validate';
import { ExcelHost } from '../../src/hosts/excel';
import { zh } from '../../src/i18n';
import { createFakeExcel, type FakeOptions, type FakeWorkbook } from './fakeExcel';
import { TEMPLATE_PROTECTED_SHEETS, templateSheets, templateUnlocked, type TemplateOptions } from './templateWorkbook';

export const NOW = new Date(2026, 0, 15, 9, 30);

export function fakeTemplate(opts: TemplateOptions & Omit<FakeOptions, 'sheets'> = {}): FakeWorkbook {
  return createFakeExcel({ ...opts, sheets: templateSheets(opts) });
}

/**
 * A filled-in workbook as districts return it: every sheet but 填报说明 protected without a
 * password and with the template's options, the input cells unlocked, the labels locked.
 */
export function protectedTemplate(opts: TemplateOptions & Omit<FakeOptions, 'sheets'> = {}): FakeWorkbook {
  return fakeTemplate({ protectedSheets: [...TEMPLATE_PROTECTED_SHEETS], unlocked: templateUnlocked(), ...opts });
}

export function hostOf(wb: FakeWorkbook): ExcelHost {
  return new ExcelHost(wb.env(), zh.host, () => NOW);
}

export async function check(host: ExcelHost): Promise<Report> {
  return validate(await host.readSnapshot(), DEFAULT_RULESET, { now: NOW });
}

/** Waits for timers and promises queued by the fake (settings saves, change events). */
export function settle(ms = 5): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
