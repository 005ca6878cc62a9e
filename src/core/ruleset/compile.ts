/**
 * RulesetDoc → Ruleset: every check of spec/RULESET.md, each problem at the cell of the authoring
 * workbook where it was written, all of them at once. A ruleset with an error is not returned.
 */
import { colLetter } from '../address';
import type { IndicatorType, Level } from '../types';
import {
  AREA_TABLE,
  COMPARISON_TABLE,
  INDICATOR_TABLE,
  LIST_FIELD_TABLE,
  META_LABELS,
  META_SHEET,
  PARAM_TABLE,
  RULE_TABLE,
  SHEET_TABLE,
  type RulesetDoc,
  type RulesetProblem,
  type Source,
  type TableLayout,
  type WordingDoc,
  WORDING_TABLE,
} from './doc';
import { WORDING_LABELS } from '../feedback/phrases';
import { compileExpression, FUNCTION_NAMES, indicatorRefs, type CheckEnv, type Expr, type Type } from './expr';
import {
  Ruleset,
  type AreaDef,
  type ComparisonDef,
  type ComparisonMode,
  type IndicatorDef,
  type ListDef,
  type ListFieldDef,
  type ListFieldType,
  type RuleDef,
  type SheetDef,
  type SheetKind,
} from './model';
import { compileText, EMPTY_TEXT, renderText, TEXT_NAMES, type Text, type TextName } from './text';
import { RS } from './messages';

const KINDS: Record<string, SheetKind> = { 说明: 'instructions', 基本信息: 'info', 指标: 'indicators', 清单: 'list' };

const TYPES: Record<string, IndicatorType> = {
  money: 'money',
  万元: 'money',
  yuan: 'yuan',
  元: 'yuan',
  count: 'count',
  数量: 'count',
  pct: 'pct',
  百分比: 'pct',
  pct200: 'pct200',
  比率: 'pct200',
  yesno: 'yesno',
  是否: 'yesno',
  text: 'text',
  文本: 'text',
};
const LIST_TYPES: Record<string, ListFieldType> = { ...TYPES, date: 'date', 日期: 'date', enum: 'enum', 选项: 'enum' };

const LEVELS: Record<string, Level> = {
  错误: 'error',
  未达标: 'warning',
  提示: 'notice',
  error: 'error',
  warning: 'warning',
  notice: 'notice',
};

const MODES: Record<string, ComparisonMode> = {
  低于全市: 'below',
  全市最高: 'highest',
  全市最低: 'lowest',
  全市成效: 'total',
};

export const DEFAULT_COLLECTIVE = '各县（市、区）';

/** The type an expression sees for a value of this kind. */
export function valueType(t: ListFieldType): Type {
  return t === 'yesno' || t === 'text' || t === 'date' || t === 'enum' ? 'text' : 'number';
}

const ID_RE = /^[A-Za-z][A-Za-z0-9]*$/;
const PARAM_RE = /^[A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*$/;

interface Row {
  _source?: Source;
}

class Problems {
  readonly list: RulesetProblem[] = [];
  add(level: RulesetProblem['level'], at: { sheet: string; cell: string }, message: string): void {
    this.list.push({ level, sheet: at.sheet, cell: at.cell, message });
  }
  error(at: { sheet: string; cell: string }, message: string): void {
    this.add('error', at, message);
  }
  get hasErrors(): boolean {
    return this.list.some((p) => p.level === 'error');
  }
}

/** Where a field of a table row is in the authoring workbook. */
function at<T extends Row>(layout: TableLayout<T>, rows: readonly T[], index: number, field: keyof T & string) {
  const src = rows[index]?._source;
  const col = src?.cols[field] ?? colLetter(layout.columns.findIndex((c) => c.field === field) + 1);
  return { sheet: layout.sheet, cell: `${col}${src?.row ?? index + 2}` };
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());

/** Applies parameter overrides (`--rules`) to a document; unknown names and non-numbers are refused. */
export function applyOverrides(doc: RulesetDoc, overrides: unknown): RulesetDoc {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new RulesetError(RS.overridesShape, null);
  }
  const params = doc.params.map((p) => ({ ...p }));
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    const p = params.find((x) => str(x.name) === key);
    if (!p) throw new RulesetError(RS.unknownOverride(key), key);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RulesetError(RS.overrideNotNumber(key, JSON.stringify(value)), key);
    }
    if (value < 0 || (key === 'outlier.factor' && value <= 1))
      throw new RulesetError(RS.overrideRange(key, value), key);
    p.value = value;
  }
  return { ...doc, params };
}

/** A parameter override that cannot be applied; `key` names the offending entry. */
export class RulesetError extends Error {
  constructor(
    message: string,
    readonly key: string | null,
  ) {
    super(message);
    this.name = 'RulesetError';
  }
}

export interface CompileResult {
  ruleset: Ruleset | null;
  /** with errors: the rules that could be compiled, to run their examples */
  partial?: Ruleset;
  problems: RulesetProblem[];
}

/** Compiles a ruleset document; `overrides` are the parameters the user changed. */
export function compileRuleset(doc: RulesetDoc, overrides: Readonly<Record<string, number>> = {}): CompileResult {
  const pr = new Problems();
  if (!isDocShaped(doc)) {
    pr.error({ sheet: '', cell: '' }, RS.notARuleset);
    return { ruleset: null, problems: pr.list };
  }

  // ---- 规则集
  const meta = {
    version: str(doc.ruleset.version),
    name: str(doc.ruleset.name),
    issuer: str(doc.ruleset.issuer),
    collective: str(doc.ruleset.collective) || DEFAULT_COLLECTIVE,
    basis: str(doc.ruleset.basis),
  };
  META_LABELS.forEach((m, i) => {
    if (m.required && !str(doc.ruleset[m.field])) {
      pr.error({ sheet: META_SHEET, cell: doc._metaSource?.[m.label] ?? `B${i + 2}` }, RS.metaRequired(m.label));
    }
  });

  // ---- 反馈领域
  const areas: AreaDef[] = [];
  doc.areas.forEach((a, i) => {
    const name = str(a.name);
    if (areas.some((x) => x.name === name)) pr.error(at(AREA_TABLE, doc.areas, i, 'name'), RS.duplicate('领域', name));
    else areas.push({ name, problem: str(a.problem) || name, advice: str(a.advice), strength: str(a.strength) });
  });

  // ---- 工作表
  const sheets: SheetDef[] = [];
  doc.sheets.forEach((s, i) => {
    const name = str(s.name);
    const where = (f: keyof typeof s & string) => at(SHEET_TABLE, doc.sheets, i, f);
    const kind = KINDS[str(s.kind)];
    if (sheets.some((x) => x.name === name)) return pr.error(where('name'), RS.duplicate('工作表名称', name));
    if (/[\\/?*[\]:]/.test(name) || name.length > 31) pr.error(where('name'), RS.badSheetName(name));
    if (!kind) return pr.error(where('kind'), RS.badKind(str(s.kind)));
    const area = str(s.area) || undefined;
    if (area && !areas.some((a) => a.name === area)) pr.error(where('area'), RS.unknownArea(area));
    const code = kind === 'list' ? str(s.code) || name : undefined;
    sheets.push({ name, kind, title: str(s.title) || name, filledBy: str(s.filledBy), area, code });
  });
  for (const [kind, word] of [
    ['instructions', '说明'],
    ['info', '基本信息'],
  ] as const) {
    const n = sheets.filter((s) => s.kind === kind).length;
    if (n !== 1) pr.error({ sheet: SHEET_TABLE.sheet, cell: 'B1' }, RS.exactlyOne(word, n));
  }

  // ---- 参数
  const params: Record<string, number> = {};
  doc.params.forEach((p, i) => {
    const name = str(p.name);
    const where = (f: 'name' | 'value') => at(PARAM_TABLE, doc.params, i, f);
    if (!PARAM_RE.test(name)) return pr.error(where('name'), RS.badParamName(name));
    if (name in params) return pr.error(where('name'), RS.duplicate('参数', name));
    if (FUNCTION_NAMES.some((f) => f.toUpperCase() === name.toUpperCase())) {
      return pr.error(where('name'), RS.paramIsFunction(name));
    }
    const value = typeof p.value === 'number' ? p.value : Number(str(p.value));
    // a parameter without a usable value is still a known name: its uses are not errors of their own
    params[name] = overrides[name] ?? value;
    if (str(p.value) === '' || !Number.isFinite(value)) pr.error(where('value'), RS.paramNotNumber(name, str(p.value)));
  });

  // ---- 指标 (names and types first: expressions need them)
  const indicatorDocs = new Map<string, { index: number; type: IndicatorType; hasLast: boolean }>();
  doc.indicators.forEach((d, i) => {
    const id = str(d.id);
    const where = (f: keyof typeof d & string) => at(INDICATOR_TABLE, doc.indicators, i, f);
    if (!ID_RE.test(id)) return pr.error(where('id'), RS.badIndicatorId(id));
    if (indicatorDocs.has(id)) return pr.error(where('id'), RS.duplicate('指标编号', id));
    if (id in params) pr.error(where('id'), RS.paramIsIndicator(id));
    const type = TYPES[str(d.type)];
    if (!type) pr.error(where('type'), RS.badType(str(d.type), false));
    const sheet = sheets.find((s) => s.name === str(d.sheet));
    if (!sheet || sheet.kind !== 'indicators') pr.error(where('sheet'), RS.notIndicatorSheet(str(d.sheet)));
    if (!str(d.name)) pr.error(where('name'), RS.required('指标名称'));
    indicatorDocs.set(id, { index: i, type: type ?? 'count', hasLast: d.hasLast === true });
  });
  for (const s of sheets) {
    if (s.kind === 'indicators' && !doc.indicators.some((d) => str(d.sheet) === s.name)) {
      pr.add(
        'warning',
        { sheet: SHEET_TABLE.sheet, cell: `A${doc.sheets.findIndex((x) => str(x.name) === s.name) + 2}` },
        RS.emptySheet(s.name),
      );
    }
  }

  // ---- 清单字段
  const listFields = new Map<string, { field: ListFieldDef; index: number; requiredSource: string }[]>();
  doc.listFields.forEach((f, i) => {
    const where = (k: keyof typeof f & string) => at(LIST_FIELD_TABLE, doc.listFields, i, k);
    const sheet = sheets.find((s) => s.name === str(f.sheet));
    if (!sheet || sheet.kind !== 'list') return pr.error(where('sheet'), RS.notListSheet(str(f.sheet)));
    const header = str(f.header);
    const fields = listFields.get(sheet.name) ?? [];
    if (fields.some((x) => x.field.header === header)) return pr.error(where('header'), RS.duplicate('表头', header));
    const type = LIST_TYPES[str(f.type)];
    if (!type) pr.error(where('type'), RS.badType(str(f.type), true));
    const options = str(f.options)
      .split(/[、,，]/)
      .map((o) => o.trim())
      .filter(Boolean);
    if (type === 'enum' && options.length === 0) pr.error(where('options'), RS.noOptions(header));
    if (type && type !== 'enum' && options.length) pr.add('warning', where('options'), RS.optionsIgnored(header));
    fields.push({
      field: { header, type: type ?? 'text', required: false, options, unique: f.unique === true },
      index: i,
      requiredSource: str(f.required),
    });
    listFields.set(sheet.name, fields);
  });
  for (const s of sheets) {
    if (s.kind === 'list' && !listFields.has(s.name)) {
      pr.error({ sheet: LIST_FIELD_TABLE.sheet, cell: 'A1' }, RS.listWithoutFields(s.name));
    }
  }
  const codes = new Map<string, string>();
  for (const s of sheets.filter((x) => x.kind === 'list')) {
    if (indicatorDocs.has(s.code!) || codes.has(s.code!)) {
      pr.error(
        at(
          SHEET_TABLE,
          doc.sheets,
          doc.sheets.findIndex((x) => str(x.name) === s.name),
          'code',
        ),
        RS.duplicate('编号', s.code!),
      );
    }
    codes.set(s.code!, s.name);
  }

  // ---- the names expressions may use
  const env: CheckEnv = {
    indicator: (id) => {
      const d = indicatorDocs.get(id);
      return d ? { type: valueType(d.type), hasLast: d.hasLast } : undefined;
    },
    isParam: (name) => name in params,
    list: (name) => {
      const sheet = listFields.has(name) ? name : codes.get(name);
      const fields = sheet === undefined ? undefined : listFields.get(sheet);
      if (!fields || sheet === undefined) return undefined;
      return {
        name: sheet,
        field: (h) => {
          const f = fields.find((x) => x.field.header === h.trim());
          return f && valueType(f.field.type);
        },
      };
    },
  };
  const expr = (source: string, e: CheckEnv, where: { sheet: string; cell: string }, want?: Type): Expr | null => {
    const c = compileExpression(source, e);
    if (!c.ok) {
      pr.error(where, c.problem.message);
      return null;
    }
    if (want && c.type !== want) {
      pr.error(where, want === 'bool' ? RS.notCondition(source) : RS.notNumber(source));
      return null;
    }
    return c.expr;
  };
  const text = (
    source: string,
    e: CheckEnv,
    names: readonly TextName[],
    where: { sheet: string; cell: string },
  ): Text => {
    if (!source) return EMPTY_TEXT;
    const c = compileText(source, e, names);
    if (c.ok) return c.text;
    pr.error(where, c.message);
    return EMPTY_TEXT;
  };

  // ---- 必填 conditions
  const lists: ListDef[] = [];
  for (const s of sheets.filter((x) => x.kind === 'list')) {
    const fields = listFields.get(s.name) ?? [];
    for (const f of fields) {
      const where = at(LIST_FIELD_TABLE, doc.listFields, f.index, 'required');
      if (f.requiredSource === '' || f.requiredSource === '否') f.field.required = false;
      else if (f.requiredSource === '是') f.field.required = true;
      else f.field.required = expr(f.requiredSource, { ...env, rowList: s.name }, where, 'bool') ?? false;
    }
    lists.push({ sheet: s.name, code: s.code!, fields: fields.map((f) => f.field) });
  }

  // ---- 规则
  const rules: RuleDef[] = [];
  const ruleIds = new Set<string>();
  doc.rules.forEach((r, i) => {
    const where = (f: keyof typeof r & string) => at(RULE_TABLE, doc.rules, i, f);
    const id = str(r.id);
    if (ruleIds.has(id)) return pr.error(where('id'), RS.duplicate('规则编号', id));
    ruleIds.add(id);
    const level = LEVELS[str(r.level)];
    if (!level) pr.error(where('level'), RS.badLevel(str(r.level)));
    const targetName = str(r.target);
    const ind = indicatorDocs.get(targetName);
    const list = env.list(targetName);
    const scopeWord = str(r.scope);
    const mark = str(r.markColumn);
    let target: RuleDef['target'] | null = null;
    let ruleEnv: CheckEnv = env;
    let names: TextName[] = [];
    if (ind) {
      if (scopeWord) pr.error(where('scope'), RS.scopeOnIndicator(scopeWord));
      const column = mark === '' || mark === '本年值' ? 'current' : mark === '上年值' ? 'last' : null;
      if (!column) pr.error(where('markColumn'), RS.badMarkColumn(mark));
      else if (column === 'last' && !ind.hasLast) pr.error(where('markColumn'), RS.noLastValue(targetName));
      target = { kind: 'indicator', id: targetName, column: column ?? 'current' };
      names = ['指标名称', '简称', '单位', '本年值', ...(ind.hasLast ? (['上年值'] as const) : [])];
    } else if (list) {
      const scope = scopeWord === '每行' ? 'row' : scopeWord === '整表' ? 'sheet' : null;
      if (!scope) pr.error(where('scope'), RS.badScope(scopeWord));
      const fields = listFields.get(list.name) ?? [];
      const column =
        mark || fields.find((f) => f.field.required === true)?.field.header || fields[0]?.field.header || '';
      if (mark && !fields.some((f) => f.field.header === mark))
        pr.error(where('markColumn'), RS.unknownHeader(list.name, mark));
      target = { kind: 'list', list: list.name, scope: scope ?? 'row', column };
      if (scope === 'row') ruleEnv = { ...env, rowList: list.name };
    } else {
      pr.error(where('target'), RS.unknownTarget(targetName));
      // the texts are not checked against a target that is not there: only the target is reported
      names = [...TEXT_NAMES];
    }
    const condition = expr(str(r.condition), ruleEnv, where('condition'), 'bool');
    const requirement = text(str(r.requirement), ruleEnv, names, where('requirement'));
    const message = text(str(r.message), ruleEnv, names, where('message'));
    if (!str(r.message)) pr.error(where('message'), RS.required('问题说明'));
    const city = str(r.citySentence)
      ? text(str(r.citySentence), ruleEnv, ['地区', '均', '简称', '指标名称', '单位'], where('citySentence'))
      : undefined;
    const strength = str(r.strength) ? text(str(r.strength), ruleEnv, names, where('strength')) : undefined;
    const advice = str(r.advice) ? text(str(r.advice), ruleEnv, names, where('advice')) : undefined;
    if (!target || !condition || !level) return;
    rules.push({
      id,
      level,
      target,
      indicator:
        target.kind === 'indicator' ? target.id : (sheets.find((s) => s.name === target.list)?.code ?? target.list),
      condition,
      requirement,
      message,
      city,
      strength,
      advice,
      basis: str(r.basis),
      inputs: indicatorRefs(condition),
    });
  });

  // ---- 全市比较
  const comparisons: ComparisonDef[] = [];
  doc.comparisons.forEach((c, i) => {
    const where = (f: keyof typeof c & string) => at(COMPARISON_TABLE, doc.comparisons, i, f);
    const id = str(c.id);
    if (comparisons.some((x) => x.id === id) || ruleIds.has(id)) return pr.error(where('id'), RS.duplicate('编号', id));
    const indicator = str(c.indicator);
    const ind = indicatorDocs.get(indicator);
    if (!indicator) return pr.error(where('indicator'), RS.required('指标编号'));
    if (!ind) return pr.error(where('indicator'), RS.notAnIndicator(indicator));
    if (valueType(ind.type) !== 'number') return pr.error(where('indicator'), RS.notNumericIndicator(indicator));
    const mode = MODES[str(c.mode)];
    if (!mode) return pr.error(where('mode'), RS.badMode(str(c.mode)));
    const cityEnv = { ...env, city: true };
    const cityValue = str(c.cityValue) ? expr(str(c.cityValue), cityEnv, where('cityValue'), 'number') : undefined;
    if (mode === 'below' && !str(c.cityValue)) pr.error(where('cityValue'), RS.required('全市值'));
    const metric = str(c.metric)
      ? expr(str(c.metric), env, where('metric'), 'number')
      : ({ k: 'ind', id: indicator, year: 'current', pos: 0 } as Expr);
    const tolWord = str(c.tolerance);
    const tolerance = tolWord === '' ? 0 : Number.isFinite(Number(tolWord)) ? Number(tolWord) : params[tolWord];
    if (tolerance === undefined) pr.error(where('tolerance'), RS.badTolerance(tolWord));
    else if (tolerance < 0) pr.error(where('tolerance'), RS.negativeTolerance(tolWord));
    // a sentence on the city as a whole may say its totals; its 条件 says when it is said
    const condition =
      mode === 'total' && str(c.condition) ? expr(str(c.condition), cityEnv, where('condition'), 'bool') : undefined;
    const sentence = text(
      str(c.sentence),
      mode === 'total' ? cityEnv : env,
      ['地区', '均', '全市值', '简称', '指标名称', '单位'],
      where('sentence'),
    );
    if (!str(c.sentence)) pr.error(where('sentence'), RS.required('表述'));
    if (metric && cityValue !== null && condition !== null && tolerance !== undefined) {
      comparisons.push({
        id,
        indicator,
        mode,
        cityValue: cityValue ?? undefined,
        metric,
        tolerance,
        ...(condition ? { condition } : {}),
        sentence,
      });
    }
  });

  // ---- 反馈文书: the drafts' fixed wording, by label
  const wording: Record<string, string> = {};
  (doc.wording ?? []).forEach((w, i) => {
    const label = str(w.label);
    if (!WORDING_LABELS.includes(label)) {
      return pr.add('warning', at(WORDING_TABLE, doc.wording ?? [], i, 'label'), RS.unknownWording(label));
    }
    wording[label] = str(w.text);
  });

  // ---- indicators, with texts rendered from the parameters
  const constants = {
    indicator: () => undefined,
    param: (n: string) => params[n] ?? NaN,
    column: () => undefined,
    rows: () => [],
    cityTotal: () => undefined,
  };
  const render = (source: string): string => {
    const c = compileText(source, env, []);
    return c.ok ? renderText(c.text, { scope: constants, names: {} }) : source;
  };
  const indicators: IndicatorDef[] = [...indicatorDocs].map(([id, { index, type, hasLast }]) => {
    const d = doc.indicators[index]!;
    const name = render(str(d.name));
    // RULESET.md: the 达标要求 of its rules, in their row order
    const fromRules = rules
      .filter((r) => r.target.kind === 'indicator' && r.target.id === id)
      .map((r) => renderText(r.requirement, { scope: constants, names: {} }))
      .filter(Boolean);
    const requirement = str(d.requirement)
      ? render(str(d.requirement))
      : [...new Set(fromRules)].join('；') || RS.noRequirement;
    const unit = str(d.unit);
    return {
      id,
      sheet: str(d.sheet),
      group: str(d.group),
      name,
      shortName: str(d.shortName) ? render(str(d.shortName)) : defaultShortName(name),
      unit,
      type,
      hasLast,
      requirement,
      definition: str(d.definition),
    };
  });

  const ruleset = new Ruleset(
    meta,
    sheets,
    areas,
    indicators,
    lists,
    params,
    rules,
    comparisons,
    wording,
    doc,
    overrides,
  );
  // with errors, what could be compiled still runs its examples, so that every problem is said at once
  return pr.hasErrors ? { ruleset: null, partial: ruleset, problems: pr.list } : { ruleset, problems: pr.list };
}

/** 指标名称 without a trailing `（单位）` and a leading `其中：`. */
export function defaultShortName(name: string): string {
  return name.replace(/（[^（）]*）$/, '').replace(/^其中[：:]/, '');
}

function isDocShaped(doc: unknown): doc is RulesetDoc {
  if (!doc || typeof doc !== 'object') return false;
  const d = doc as Record<string, unknown>;
  return (
    !!d.ruleset &&
    typeof d.ruleset === 'object' &&
    ['sheets', 'areas', 'indicators', 'listFields', 'params', 'rules', 'comparisons'].every(
      (k) => d[k] === undefined || Array.isArray(d[k]),
    )
  );
}

/** Fills in the arrays a JSON ruleset may leave out. */
export function normalizeDoc(doc: RulesetDoc): RulesetDoc {
  // rows that are not objects (a hand-edited JSON) are left out; their absence is what gets reported
  const rows = <T>(list: unknown): T[] =>
    Array.isArray(list) ? (list.filter((r) => r !== null && typeof r === 'object' && !Array.isArray(r)) as T[]) : [];
  const meta = doc.ruleset !== null && typeof doc.ruleset === 'object' ? doc.ruleset : ({} as RulesetDoc['ruleset']);
  return {
    ...doc,
    ruleset: meta,
    sheets: rows(doc.sheets),
    areas: rows(doc.areas),
    indicators: rows(doc.indicators),
    listFields: rows(doc.listFields),
    params: rows(doc.params),
    rules: rows(doc.rules),
    comparisons: rows(doc.comparisons),
    ...(doc.wording === undefined ? {} : { wording: rows<WordingDoc>(doc.wording) }),
  };
}
