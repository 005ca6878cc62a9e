/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { DRAFT_SHEET } from '../../src/core/summary';
import { CITY_DRAFT_SHEET } from '../../src/hosts/host';
import { zh } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import type { Engines } from '../../src/taskpane/file/types';
import { rulesetEngine } from '../../src/taskpane/rulesets/engine';
import { NOW, fakeTemplate, hostOf } from '../excel/helpers';
import { fakeFile, stubEngines } from './fileHelpers';
import { draftMaker } from './helpers';

function renderPane(engines: Engines) {
  const wb = fakeTemplate({ problems: true });
  render(
    <App
      host={hostOf(wb)}
      mode="excel"
      strings={zh}
      engine={rulesetEngine}
      now={() => NOW}
      loadDraftMaker={async () => draftMaker}
      engines={engines}
    />,
  );
  return wb;
}

async function choose(...files: File[]) {
  fireEvent.click(screen.getByRole('button', { name: '全市汇总（审核人员）' }));
  const input = screen.getByLabelText('选择各地区报回的填报表（.xlsx，可多选）');
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

test('the reviewer part is folded away until wanted', () => {
  renderPane(stubEngines().engines);
  const toggle = screen.getByRole('button', { name: '全市汇总（审核人员）' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(screen.getByRole('button', { name: '选择各地区填报表…', hidden: true }).closest('[hidden]')).not.toBeNull();
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(screen.getByRole('button', { name: '选择各地区填报表…' })).toBeTruthy();
});

test('choosing the districts’ workbooks writes the city-wide draft into its own sheet; a bad file is named', async () => {
  const { engines, calls } = stubEngines();
  const wb = renderPane(engines);
  await choose(
    fakeFile('西城区.xlsx', '西城区,379903,0,2,0'),
    fakeFile('空.xlsx', 'bad:文件是空的（0 字节）'),
    fakeFile('东城区.xlsx', '东城区,379902,0,0,0'),
  );
  // the draft's sheet, then the charts' sheet (全市比较图表) with native charts
  await screen.findByText(
    /^已根据 2 个地区的填报表写入“全市反馈意见（初稿）”工作表。\s*已在“全市比较图表”工作表写入图表数据/,
  );
  expect(wb.sheet('全市比较图表').charts.length).toBeGreaterThan(0);
  expect(screen.getByText(/文件是空的（0 字节）/)).toBeTruthy();
  expect(wb.values(CITY_DRAFT_SHEET)[0]![0]).toBe('关于滨海市的反馈意见（初稿）');
  expect(wb.sheets.map((s) => s.name)).not.toContain(DRAFT_SHEET);
  expect(calls.cityDrafts[0]!.map((r) => r.district.name)).toEqual(['西城区', '东城区']);
  // the district's own validation does not read the city sheet back
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  await screen.findByRole('button', { name: '重新校验' });
  expect(screen.queryByRole('region', { name: CITY_DRAFT_SHEET })).toBeNull();
});

test('with fewer than two readable workbooks nothing is written, and the pane says why', async () => {
  const wb = renderPane(stubEngines().engines);
  await choose(fakeFile('东城区.xlsx', '东城区,379902,0,0,0'), fakeFile('坏.xlsx', 'bad:不是有效的 .xlsx 文件'));
  await screen.findByText('能校验的地区填报表只有 1 个；起草全市汇总至少需要 2 个。');
  expect(wb.sheets.map((s) => s.name)).not.toContain(CITY_DRAFT_SHEET);
});
