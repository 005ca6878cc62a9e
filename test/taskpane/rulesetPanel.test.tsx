/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { BATCH_TEXT } from '../../src/core/batch';
import { TextDecoder } from 'util';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { bundledRuleset, checkRuleset, rulesetJson } from '../../src/core/ruleset';
import { zh } from '../../src/i18n';
import { FileApp } from '../../src/taskpane/FileApp';
import type { Saver } from '../../src/taskpane/file/download';
import { rulesetEngine } from '../../src/taskpane/rulesets/engine';
import { STORE_FILE_KEY, STORE_KEY } from '../../src/taskpane/rulesets/store';
import { bytesFile, fakeFile, stubEngines } from './fileHelpers';
import { WEIHAI, brokenDoc, rulesetWorkbookBytes, weihaiDoc } from './rulesetHelpers';

// jsdom has no TextDecoder; every browser the page runs in has
Object.assign(globalThis, { TextDecoder });

const t = zh.rulesets;
const BUNDLED = bundledRuleset();

beforeEach(() => localStorage.clear());

function renderPage() {
  const { engines, calls } = stubEngines();
  const saved: { name: string; text: string }[] = [];
  const save: Saver = (bytes, name) => saved.push({ name, text: new TextDecoder().decode(bytes) });
  const view = render(<FileApp strings={zh} engine={rulesetEngine} engines={engines} save={save} />);
  return { calls, saved, ...view };
}

async function loadRuleset(file: File) {
  const input = screen.getByLabelText(t.inputLabel);
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

async function dropWorkbooks(...files: File[]) {
  const input = screen.getByLabelText(zh.file.inputLabel);
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

/** The rulesets listed, as `version · where it comes from`. */
function listed(): string[] {
  return [...document.querySelectorAll('[data-ruleset-version]')].map(
    (li) => `${li.getAttribute('data-ruleset-version')} ${li.getAttribute('data-ruleset-source')}`,
  );
}

const weihaiJson = () => fakeFile('威海指标体系.json', rulesetJson(weihaiDoc()));

test('the page lists the bundled ruleset and offers a ruleset file of its own, .xlsx or .json', () => {
  renderPage();
  expect(screen.getByRole('heading', { level: 2, name: '规则集' })).toBeTruthy();
  expect(listed()).toEqual(['2025.1 bundled']);
  const row = within(document.querySelector<HTMLElement>('[data-ruleset-version="2025.1"]')!);
  expect(row.getByText(BUNDLED.meta.name)).toBeTruthy();
  expect(row.getByText('2025.1 · 内置')).toBeTruthy();
  expect(row.queryByRole('button', { name: /^移除/ })).toBeNull();
  const input = screen.getByLabelText<HTMLInputElement>(t.inputLabel);
  expect(input.multiple).toBe(false);
  expect(input.accept.split(',')).toEqual(['.xlsx', '.xlsm', '.json']);
  const click = jest.spyOn(input, 'click');
  fireEvent.click(screen.getByRole('button', { name: '加载规则集文件…' }));
  expect(click).toHaveBeenCalled();
});

test('a good ruleset file is listed, kept in this browser, and checks the workbooks dropped afterwards', async () => {
  const { calls } = renderPage();
  await loadRuleset(weihaiJson());
  await screen.findByText(t.loaded(WEIHAI.name, WEIHAI.version, '威海指标体系.json'));
  expect(listed()).toEqual(['2025.1 bundled', `${WEIHAI.version} loaded`]);
  const row = within(document.querySelector<HTMLElement>(`[data-ruleset-version="${WEIHAI.version}"]`)!);
  expect(row.getByText(WEIHAI.name)).toBeTruthy();
  expect(row.getByText(`${WEIHAI.version} · 已加载：威海指标体系.json`)).toBeTruthy();

  // kept as its JSON form, and that form is a usable ruleset
  const stored = localStorage.getItem(STORE_KEY)!;
  expect(checkRuleset(JSON.parse(stored)).ruleset?.version).toBe(WEIHAI.version);
  expect(localStorage.getItem(STORE_FILE_KEY)).toBe('威海指标体系.json');

  await dropWorkbooks(fakeFile('文登区.xlsx', `文登区,371003,0,0,0,${WEIHAI.version}`));
  await screen.findByRole('heading', { name: '文登区' });
  expect(calls.rulesets).toEqual([[WEIHAI.version, '2025.1']]);
  expect(screen.getByText(`371003 · 文件：文登区.xlsx · 规则集 ${WEIHAI.version}`)).toBeTruthy();
});

test('an authoring workbook (.xlsx) is read and used as well', async () => {
  renderPage();
  await loadRuleset(bytesFile('威海指标体系.xlsx', await rulesetWorkbookBytes(weihaiDoc())));
  await screen.findByText(t.loaded(WEIHAI.name, WEIHAI.version, '威海指标体系.xlsx'), undefined, { timeout: 10_000 });
  expect(listed()).toEqual(['2025.1 bundled', `${WEIHAI.version} loaded`]);
});

test('a ruleset workbook with errors: every problem with its sheet and cell, and it is not used', async () => {
  const { calls } = renderPage();
  const expected = checkRuleset(brokenDoc()).problems;
  expect(expected.filter((p) => p.level === 'error').length).toBeGreaterThanOrEqual(2);

  await loadRuleset(bytesFile('威海指标体系.xlsx', await rulesetWorkbookBytes(brokenDoc())));
  const notice = await screen.findByText(t.rejected('威海指标体系.xlsx', expected.length), undefined, {
    timeout: 10_000,
  });
  const items = [...notice.closest('[data-ruleset-notice]')!.querySelectorAll('[data-ruleset-problems] li')];
  expect(items.map((li) => [li.getAttribute('data-place'), li.getAttribute('data-level')])).toEqual(
    expected.map((p) => [`${p.sheet}!${p.cell}`, p.level]),
  );
  for (const [i, p] of expected.entries()) expect(items[i]!.textContent).toContain(p.message);
  // the broken condition, at its cell
  const condition = items.find((li) => li.getAttribute('data-place') === '规则!E2')!;
  expect(condition.textContent).toMatch(/^错误规则!E2.*语法错误/);

  // not used, not kept
  expect(listed()).toEqual(['2025.1 bundled']);
  expect(localStorage.getItem(STORE_KEY)).toBeNull();
  await dropWorkbooks(fakeFile('文登区.xlsx', '文登区,371003,0,0,0'));
  await screen.findByRole('heading', { name: '文登区' });
  expect(calls.rulesets).toEqual([['2025.1']]);
});

test('a broken file after a good one: the good one stays in use, and the page says so', async () => {
  renderPage();
  await loadRuleset(weihaiJson());
  await screen.findByText(t.loaded(WEIHAI.name, WEIHAI.version, '威海指标体系.json'));
  await loadRuleset(fakeFile('新版.json', rulesetJson(brokenDoc())));
  await screen.findByText(t.rejected('新版.json', checkRuleset(brokenDoc()).problems.length));
  expect(screen.getByText(t.keptPrevious(WEIHAI.name, WEIHAI.version))).toBeTruthy();
  expect(listed()).toEqual(['2025.1 bundled', `${WEIHAI.version} loaded`]);
  expect(localStorage.getItem(STORE_FILE_KEY)).toBe('威海指标体系.json');
});

test('files that are no ruleset at all get a clear sentence, never a crash', async () => {
  renderPage();
  const cases: [File, string | RegExp][] = [
    [fakeFile('规则.json', '这不是 JSON'), /^不是有效的 JSON：/],
    [fakeFile('规则.json', '{"version": "2026.1"}'), '不是规则集 JSON：缺少“ruleset”'],
    [fakeFile('规则.xlsx', '这不是工作簿'), '规则集文件不是有效的 .xlsx 工作簿'],
    [fakeFile('规则.xls', 'old'), t.oldXls],
    [fakeFile('规则.txt', 'text'), t.wrongType('.txt')],
    [fakeFile('规则', 'text'), t.wrongType('')],
  ];
  for (const [file, message] of cases) {
    await loadRuleset(file);
    const notice = await screen.findByText(t.rejected(file.name, 1), undefined, { timeout: 10_000 });
    const item = notice.closest('[data-ruleset-notice]')!.querySelector('[data-ruleset-problems] li')!;
    expect(item.getAttribute('data-place')).toBe('');
    expect(item.textContent!.replace(/^错误/, '')).toMatch(message);
    expect(listed()).toEqual(['2025.1 bundled']);
  }
  expect(localStorage.getItem(STORE_KEY)).toBeNull();
});

test('when the workbook reader cannot be loaded, loading an .xlsx ruleset says so', async () => {
  const { engines } = stubEngines();
  render(
    <FileApp
      strings={zh}
      engine={rulesetEngine}
      engines={{ ...engines, workbook: () => Promise.reject(new Error('ChunkLoadError')) }}
    />,
  );
  await loadRuleset(bytesFile('威海指标体系.xlsx', new Uint8Array([0x50, 0x4b])));
  expect(await screen.findByText(/校验组件加载失败/)).toBeTruthy();
  expect(listed()).toEqual(['2025.1 bundled']);
});

test('一键移除: the loaded ruleset is removed and forgotten; the bundled one checks again', async () => {
  const { calls } = renderPage();
  await loadRuleset(weihaiJson());
  await screen.findByText(t.loaded(WEIHAI.name, WEIHAI.version, '威海指标体系.json'));
  fireEvent.click(screen.getByRole('button', { name: t.removeLabel(WEIHAI.name, WEIHAI.version) }));
  expect(screen.getByText(t.removed(WEIHAI.name, WEIHAI.version))).toBeTruthy();
  expect(listed()).toEqual(['2025.1 bundled']);
  expect(localStorage.getItem(STORE_KEY)).toBeNull();
  expect(localStorage.getItem(STORE_FILE_KEY)).toBeNull();
  await dropWorkbooks(fakeFile('文登区.xlsx', `文登区,371003,0,0,0,${WEIHAI.version}`));
  await waitFor(() => expect(document.querySelector('[data-bad-files] li')?.textContent).toMatch(/威海2026\.1/));
  expect(calls.rulesets).toEqual([['2025.1']]);
});

test('the ruleset kept in this browser is used on the next visit', async () => {
  localStorage.setItem(STORE_KEY, rulesetJson(weihaiDoc()));
  localStorage.setItem(STORE_FILE_KEY, '威海指标体系.xlsx');
  const { calls } = renderPage();
  expect(listed()).toEqual(['2025.1 bundled', `${WEIHAI.version} loaded`]);
  expect(screen.getByText(`${WEIHAI.version} · 已加载：威海指标体系.xlsx`)).toBeTruthy();
  await dropWorkbooks(fakeFile('文登区.xlsx', `文登区,371003,0,0,0,${WEIHAI.version}`));
  await screen.findByRole('heading', { name: '文登区' });
  expect(calls.rulesets).toEqual([[WEIHAI.version, '2025.1']]);
});

test('a kept ruleset that can no longer be used is dropped, with its problems', async () => {
  localStorage.setItem(STORE_KEY, rulesetJson(brokenDoc()));
  localStorage.setItem(STORE_FILE_KEY, '威海指标体系.xlsx');
  renderPage();
  const problems = checkRuleset(brokenDoc()).problems;
  const notice = screen.getByText(t.dropped('威海指标体系.xlsx', problems.length));
  const places = [...notice.closest('[data-ruleset-notice]')!.querySelectorAll('[data-ruleset-problems] li')].map(
    (li) => li.getAttribute('data-place'),
  );
  expect(places).toEqual(problems.map((p) => `${p.sheet}!${p.cell}`));
  expect(listed()).toEqual(['2025.1 bundled']);
  expect(localStorage.getItem(STORE_KEY)).toBeNull();

  // not even JSON any more
  localStorage.setItem(STORE_KEY, '{"ruleset":');
  renderPage();
  expect(screen.getAllByText(t.dropped('', 1))).toHaveLength(1);
  expect(localStorage.getItem(STORE_KEY)).toBeNull();
});

test('下载空白填报表: the template of the chosen ruleset, named after it', async () => {
  const { calls, saved } = renderPage();
  await loadRuleset(weihaiJson());
  await screen.findByText(t.loaded(WEIHAI.name, WEIHAI.version, '威海指标体系.json'));
  fireEvent.click(screen.getByRole('button', { name: t.templateLabel(WEIHAI.name, WEIHAI.version) }));
  const name = `${WEIHAI.name}填报表（${WEIHAI.version}）.xlsx`;
  await screen.findByText(zh.file.saved(name));
  fireEvent.click(screen.getByRole('button', { name: t.templateLabel(BUNDLED.meta.name, '2025.1') }));
  const bundledName = '县级人民政府履行教育职责评价指标（2025年版）填报表（2025.1）.xlsx';
  await screen.findByText(zh.file.saved(bundledName));
  expect(calls.templates).toEqual([WEIHAI.version, '2025.1']);
  expect(saved).toEqual([
    { name, text: `template ${WEIHAI.version}` },
    { name: bundledName, text: 'template 2025.1' },
  ]);
  // every template button reads 下载空白填报表
  expect(screen.getAllByRole('button', { name: /^下载空白填报表：/ }).map((b) => b.textContent)).toEqual([
    '下载空白填报表',
    '下载空白填报表',
  ]);
});

test('the workbooks already on the page are checked again when a ruleset is loaded', async () => {
  const { calls } = renderPage();
  await dropWorkbooks(fakeFile('文登区.xlsx', `文登区,371003,0,0,0,${WEIHAI.version}`));
  await waitFor(() => expect(document.querySelector('[data-bad-files]')).not.toBeNull());
  await loadRuleset(weihaiJson());
  await screen.findByRole('heading', { name: '文登区' });
  expect(document.querySelector('[data-bad-files]')).toBeNull();
  expect(calls.rulesets).toEqual([['2025.1'], [WEIHAI.version, '2025.1']]);
});

test('a loaded ruleset of the bundled version replaces the bundled one', async () => {
  const { calls } = renderPage();
  const doc = weihaiDoc();
  doc.ruleset.version = '2025.1';
  await loadRuleset(fakeFile('本市2025.json', rulesetJson(doc)));
  await screen.findByText(t.loaded(WEIHAI.name, '2025.1', '本市2025.json'));
  expect(listed()).toEqual(['2025.1 bundled', '2025.1 loaded']);
  expect(screen.getByText(`2025.1 · 内置 · ${t.replaced}`)).toBeTruthy();
  await dropWorkbooks(fakeFile('文登区.xlsx', '文登区,371003,0,0,0'));
  await screen.findByRole('heading', { name: '文登区' });
  expect(calls.rulesets).toEqual([['2025.1']]);
  // next year's workbooks are offered of the ruleset in use, once
  const nextYear = within(document.querySelector<HTMLElement>('[data-next-year]')!);
  expect(nextYear.getAllByRole('option').map((o) => o.textContent)).toEqual([
    zh.years.nextSame,
    zh.years.nextRulesetOption(WEIHAI.name, '2025.1'),
  ]);
});

test('workbooks of two rulesets: the city-wide part takes the version most have; the other is set aside, saying why', async () => {
  const { calls } = renderPage();
  await loadRuleset(weihaiJson());
  await screen.findByText(t.loaded(WEIHAI.name, WEIHAI.version, '威海指标体系.json'));
  await dropWorkbooks(
    fakeFile('东城区.xlsx', '东城区,379902,0,0,0'),
    fakeFile('西城区.xlsx', '西城区,379903,0,0,0'),
    fakeFile('文登区.xlsx', `文登区,371003,0,0,0,${WEIHAI.version}`),
  );
  await screen.findByText('已校验 3 个工作簿。');
  const wendeng = document.querySelector('tr[data-file="文登区.xlsx"]')!;
  expect(wendeng.getAttribute('data-set-aside')).toBe('other-ruleset');
  expect(wendeng.querySelector('[data-reason]')!.textContent).toBe(
    `${zh.file.setAside['other-ruleset']}：${BATCH_TEXT.otherRuleset(WEIHAI.version, '2025.1')}`,
  );
  expect(document.querySelector('[data-set-aside-note]')!.textContent).toBe(zh.file.citySetAside(1));
  expect(screen.getByText(zh.file.cityCounts(2, 2))).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '下载全市反馈意见初稿（.docx）' }));
  await screen.findByText(/已生成“全市汇总反馈意见（初稿）.docx”/);
  expect(calls.cityRulesets).toEqual(['2025.1']);
  expect(calls.cityDrafts[0]!.map((r) => r.district.name)).toEqual(['东城区', '西城区']);
});
