/** The engine's public surface: pure, host-independent. */
export * from './types';
export * from './catalogue';
export * from './params';
export * from './parse';
export * from './format';
export * from './address';
export { RULES, rulesOf, type RuleDef } from './rules';
export { indicatorRequirement, ruleRequirement } from './requirements';
export { validate, sortFindings, countLevels, type ValidateOptions } from './validate';
export { AREA_PHRASES, RULE_PHRASES, KIND_PHRASES, fill, rulePhrase } from './phrases';
export { summaryData, readyLine, SUMMARY_SHEET, DRAFT_SHEET, LEVEL_COLOURS, LEVEL_NAMES } from './summary';
export { cityFindings, type CityFinding } from './city';
export { districtDraft } from './feedback/district';
export { cityDraft } from './feedback/city';
export { draftToText } from './feedback/text';
