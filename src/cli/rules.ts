/** `--rules FILE`: parameter overrides as JSON. */
import { readFileSync } from 'node:fs';
import { makeRuleset, RulesetError, type Ruleset } from '../core/params';

export class UsageError extends Error {}

export function loadRuleset(file: string | undefined): Ruleset {
  if (!file) return makeRuleset({});
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`无法读取规则参数文件“${file}”`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`规则参数文件“${file}”不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return makeRuleset(json);
  } catch (e) {
    if (e instanceof RulesetError) throw new UsageError(`规则参数文件“${file}”：${e.message}`);
    throw e;
  }
}
