/** The engine's public surface: pure, host-independent. */
export * from './types';
export * from './layout';
export * from './parse';
export * from './format';
export * from './address';
export * from './ruleset';
export { Ruleset, type IndicatorDef, type SheetDef, type ListDef, type RuleDef } from './ruleset/model';
export { compileRuleset, RulesetError } from './ruleset/compile';
export type { RulesetDoc, RulesetProblem } from './ruleset/doc';
export { validate, checkWorkbook, sortFindings, countLevels, type ValidateOptions } from './validate';
export { summaryData, readyLine, SUMMARY_SHEET, DRAFT_SHEET, LEVEL_COLOURS, LEVEL_NAMES } from './summary';
export { cityFindings, type CityFinding } from './city';
export { districtDraft } from './feedback/district';
export { cityDraft } from './feedback/city';
export { draftToText } from './feedback/text';
