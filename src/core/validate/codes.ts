/**
 * The engine's own checks (spec/TEMPLATE.md, spec/INDICATORS.md G1–G6), each code with its level.
 * The rules of a ruleset carry their own codes (规则编号) and levels. In a 清单 code, `*` is the
 * 清单's 编号 (`SCH.required`, `ZG.enum`).
 */
import type { Level } from '../types';

export const ENGINE_LEVELS = {
  'TPL.notTemplate': 'error',
  'TPL.missingSheet': 'error',
  'TPL.missingHeader': 'error',
  'TPL.missingIndicator': 'error',
  'TPL.duplicateIndicator': 'error',
  'TPL.noRuleset': 'error',
  'TPL.rulesetDiffers': 'notice',
  'INFO.missing': 'error',
  'INFO.required': 'error',
  'INFO.invalid': 'error',
  'INFO.code': 'error',
  'INFO.year': 'error',
  'INFO.phone': 'error',
  'INFO.date': 'error',
  'INFO.version': 'error',
  G1: 'error',
  G2: 'error',
  'G2.text': 'error',
  G3: 'error',
  G4: 'notice',
  G5: 'notice',
  G6: 'notice',
  '*.required': 'error',
  '*.enum': 'error',
  '*.invalid': 'error',
  '*.text': 'error',
  '*.duplicate': 'error',
} as const satisfies Record<string, Level>;

export type EngineCode = keyof typeof ENGINE_LEVELS;
