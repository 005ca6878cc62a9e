/** @jest-environment jsdom */
import { TextDecoder } from 'util';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { checkRuleset, rulesetJson } from '../../src/core/ruleset';
import { DRAFT_SHEET } from '../../src/core/summary';
import { zh } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import type { DraftMaker } from '../../src/taskpane/draft';
import { rulesetEngine } from '../../src/taskpane/rulesets/engine';
import { STORE_FILE_KEY, STORE_KEY } from '../../src/taskpane/rulesets/store';
import { createFakeExcel, type FakeWorkbook } from '../excel/fakeExcel';
import { NOW, hostOf } from '../excel/helpers';
import { fakeFile, stubEngines } from './fileHelpers';
import { WEIHAI, brokenDoc, sheetsOfVersion, weihaiDoc } from './rulesetHelpers';

// jsdom has no TextDecoder; every browser the pane runs in has
Object.assign(globalThis, { TextDecoder });

const t = zh.rulesets;

beforeEach(() => localStorage.clear());

function renderPane(wb: FakeWorkbook) {
  const drafted: string[] = [];
  const draftMaker: DraftMaker = (report, ruleset) => {
    drafted.push(ruleset.version);
    return { title: `关于${report.district.name}的反馈意见（初稿）`, blocks: [] };
  };
  render(
    <App
      host={hostOf(wb)}
      mode="excel"
      strings={zh}
      engine={rulesetEngine}
      engines={stubEngines().engines}
      now={() => NOW}
      loadDraftMaker={async () => draftMaker}
      liveDelayMs={50}
    />,
  );
  return { drafted };
}

async function validate() {
  fireEvent.click(screen.getByRole('button', { name: /^(重新)?校验$/ }));
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  await screen.findByRole('button', { name: '重新校验' });
}

const basis = () => document.querySelector('[data-ruleset-used]')?.textContent ?? null;

test('a workbook that carries its ruleset is checked and drafted with it', async () => {
  const { drafted } = renderPane(createFakeExcel({ sheets: sheetsOfVersion(WEIHAI.version, weihaiDoc()) }));
  await validate();
  expect(basis()).toBe(zh.app.checkedWith(WEIHAI.name, WEIHAI.version, true));
  expect(screen.getByText(/^✗ 暂不能报送：请先改正 3 处错误/)).toBeTruthy();
  expect(screen.getByText(/JF01 本年值“约1200”不是数字/)).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: '生成反馈意见初稿' }));
  await screen.findByText('已写入“反馈意见（初稿）”工作表。');
  expect(drafted).toEqual([WEIHAI.version]);
});

test('the bundled ruleset checks a workbook of its version', async () => {
  renderPane(createFakeExcel({ sheets: sheetsOfVersion('2025.1', null) }));
  await validate();
  expect(basis()).toBe(zh.app.checkedWith('县级人民政府履行教育职责评价指标（2025年版）', '2025.1', false));
});

test('a workbook of a version no ruleset has: one clear error at 模板版本, and no draft', async () => {
  const wb = createFakeExcel({ sheets: sheetsOfVersion('X2099', null) });
  const { drafted } = renderPane(wb);
  await validate();
  expect(screen.getByText(/^✗ /)).toBeTruthy();
  const cells = [...document.querySelectorAll('[data-cell]')].map((c) => c.getAttribute('data-cell'));
  expect(cells).toEqual(['基本信息!B10']);
  expect(screen.getByText(/模板版本为“X2099”，没有与之对应的指标体系（规则集）.*“2025\.1”/)).toBeTruthy();
  expect(basis()).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: '生成反馈意见初稿' }));
  expect(await screen.findByText(zh.errors.noRuleset)).toBeTruthy();
  expect(drafted).toEqual([]);
  expect(wb.sheets.map((s) => s.name)).not.toContain(DRAFT_SHEET);
});

test('a ruleset file loaded in the pane checks the open workbook at once, is kept, and can be removed', async () => {
  renderPane(createFakeExcel({ sheets: sheetsOfVersion(WEIHAI.version, null) }));
  await validate();
  expect(screen.getByText(/模板版本为“威海2026\.1”/)).toBeTruthy();

  const toggle = screen.getByRole('button', { name: '规则集（2025.1）' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  await act(async () => {
    fireEvent.change(screen.getByLabelText(t.inputLabel), {
      target: { files: [fakeFile('威海.json', rulesetJson(weihaiDoc()))] },
    });
  });
  await screen.findByText(t.loaded(WEIHAI.name, WEIHAI.version, '威海.json'));
  expect(screen.getByRole('button', { name: `规则集（${WEIHAI.version}、2025.1）` })).toBeTruthy();
  // validated again with it, without a click
  await waitFor(() => expect(basis()).toBe(zh.app.checkedWith(WEIHAI.name, WEIHAI.version, false)));
  expect(screen.getByText(/^✗ 暂不能报送：请先改正 3 处错误/)).toBeTruthy();
  expect(localStorage.getItem(STORE_FILE_KEY)).toBe('威海.json');
  // the pane has no downloads
  expect(screen.queryByRole('button', { name: /下载空白填报表/ })).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: t.removeLabel(WEIHAI.name, WEIHAI.version) }));
  await waitFor(() => expect(basis()).toBeNull());
  expect(screen.getByText(/模板版本为“威海2026\.1”/)).toBeTruthy();
  expect(localStorage.getItem(STORE_KEY)).toBeNull();
});

test('the pane uses the ruleset kept in this browser', async () => {
  localStorage.setItem(STORE_KEY, rulesetJson(weihaiDoc()));
  localStorage.setItem(STORE_FILE_KEY, '威海.xlsx');
  renderPane(createFakeExcel({ sheets: sheetsOfVersion(WEIHAI.version, null) }));
  expect(screen.getByRole('button', { name: `规则集（${WEIHAI.version}、2025.1）` })).toBeTruthy();
  await validate();
  expect(basis()).toBe(zh.app.checkedWith(WEIHAI.name, WEIHAI.version, false));
});

test('a kept ruleset that cannot be used any more: the panel opens and says why', () => {
  localStorage.setItem(STORE_KEY, rulesetJson(brokenDoc()));
  renderPane(createFakeExcel({ sheets: sheetsOfVersion('2025.1', null) }));
  const toggle = screen.getByRole('button', { name: '规则集（2025.1）' });
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const problems = checkRuleset(brokenDoc()).problems;
  expect(screen.getByText(t.dropped('', problems.length))).toBeTruthy();
  expect(document.querySelectorAll('[data-ruleset-problems] li')).toHaveLength(problems.length);
  expect(localStorage.getItem(STORE_KEY)).toBeNull();
});
