/**
 * @jest-environment jsdom
 *
 * A reviewer's messy batch on the page, as the command sorts it (core/batch): a resubmission is
 * superseded and not counted, a workbook of another city is set aside with the reason, one file can
 * be removed, clearing everything asks first, and the city-wide part waits until every file is read.
 */
import { TextDecoder, TextEncoder } from 'util';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BATCH_TEXT } from '../../src/core/batch';
import { zh } from '../../src/i18n';
import { FileApp } from '../../src/taskpane/FileApp';
import { DistrictView } from '../../src/taskpane/components/DistrictView';
import type { Saver } from '../../src/taskpane/file/download';
import type { Engines, Outcome } from '../../src/taskpane/file/types';
import { rulesetEngine } from '../../src/taskpane/rulesets/engine';
import { checkedEntry, fakeFile, stubEngines } from './fileHelpers';
import { finding, reportOf } from './helpers';

const t = zh.file;

// jsdom has no TextEncoder (the .zip's notes); every browser the page runs in has
Object.assign(globalThis, { TextEncoder });

function renderFileApp(engines?: Engines) {
  const stub = stubEngines();
  const saved: string[] = [];
  const save: Saver = (bytes, name) => saved.push(`${name}: ${new TextDecoder().decode(bytes)}`);
  render(<FileApp strings={zh} engine={rulesetEngine} engines={engines ?? stub.engines} save={save} />);
  return { calls: stub.calls, saved };
}

async function choose(...files: File[]) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

const row = (file: string) => document.querySelector<HTMLTableRowElement>(`tr[data-file="${file}"]`);
const files = () => [...document.querySelectorAll('tr[data-file]')].map((tr) => tr.getAttribute('data-file'));

test('a resubmission: the later 填报日期 counts, the earlier is shown as superseded and counted nowhere', async () => {
  const { calls } = renderFileApp();
  await choose(
    // the later return comes first, and an older file time does not matter: the date decides
    fakeFile('文登区（修改后）.xlsx', '文登区,371003,0,0,0,2025.1,威海市,2025,2025-03-20', 1000),
    fakeFile('环翠区.xlsx', '环翠区,371002,0,1,0,2025.1,威海市,2025,2025-03-10', 2000),
    fakeFile('文登区.xlsx', '文登区,371003,2,0,0,2025.1,威海市,2025,2025-03-01', 3000),
  );
  await screen.findByText('已校验 3 个工作簿。');
  // every file is listed, by its name, the two of one district together
  expect(files()).toEqual(['环翠区.xlsx', '文登区.xlsx', '文登区（修改后）.xlsx']);
  const old = row('文登区.xlsx')!;
  expect(old.getAttribute('data-set-aside')).toBe('superseded');
  expect(within(old).getByText('文登区.xlsx')).toBeTruthy();
  expect(old.querySelector('[data-reason]')!.textContent).toBe(
    `${t.setAside.superseded}：${BATCH_TEXT.superseded('文登区（修改后）.xlsx')}`,
  );
  expect(row('文登区（修改后）.xlsx')!.getAttribute('data-set-aside')).toBeNull();
  // two districts, not three; the superseded one's errors do not make the city less ready
  expect(screen.getByText(t.cityCounts(2, 1))).toBeTruthy();
  expect(screen.getByText(t.citySetAside(1))).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: t.downloadCityDraft }));
  await screen.findByText(/已生成“全市汇总反馈意见（初稿）.docx”/);
  const reports = calls.cityDrafts[0]!;
  expect(reports.map((r) => r.district.name)).toEqual(['环翠区', '文登区']);
  expect(reports[1]!.district.date).toBe('2025-03-20');
});

test('on equal dates, the later file wins', async () => {
  renderFileApp();
  await choose(
    fakeFile('文登区 新.xlsx', '文登区,371003,0,0,0,2025.1,威海市,2025,2025-03-20', 5000),
    fakeFile('文登区 旧.xlsx', '文登区,371003,0,0,0,2025.1,威海市,2025,2025-03-20', 4000),
  );
  await screen.findByText('已校验 2 个工作簿。');
  expect(row('文登区 旧.xlsx')!.getAttribute('data-set-aside')).toBe('superseded');
  expect(row('文登区 新.xlsx')!.getAttribute('data-set-aside')).toBeNull();
  // one district left: no city-wide comparison or draft, and the page says why
  expect(screen.getByText(t.cityTooFew(1))).toBeTruthy();
  expect(screen.queryByRole('button', { name: t.downloadCityDraft })).toBeNull();
});

test('a workbook of another city, and one of another year, are set aside with the reason and kept out of the city', async () => {
  const { calls } = renderFileApp();
  await choose(
    fakeFile('环翠区.xlsx', '环翠区,371002,0,0,0,2025.1,威海市,2025'),
    fakeFile('芝罘区.xlsx', '芝罘区,370602,0,0,0,2025.1,烟台市,2025'),
    fakeFile('文登区.xlsx', '文登区,371003,0,0,0,2025.1,威海市,2025'),
    fakeFile('荣成市2024.xlsx', '荣成市,371082,0,0,0,2025.1,威海市,2024'),
  );
  await screen.findByText('已校验 4 个工作簿。');
  const other = row('芝罘区.xlsx')!;
  expect(other.getAttribute('data-set-aside')).toBe('other-city');
  expect(other.querySelector('[data-reason]')!.textContent).toBe(
    `${t.setAside['other-city']}：${BATCH_TEXT.otherCity('烟台市', '威海市')}`,
  );
  const lastYear = row('荣成市2024.xlsx')!;
  expect(lastYear.getAttribute('data-set-aside')).toBe('other-year');
  expect(lastYear.querySelector('[data-reason]')!.textContent).toBe(
    `${t.setAside['other-year']}：${BATCH_TEXT.otherYear('2024', '2025')}`,
  );
  expect(screen.getByText(t.cityCounts(2, 2))).toBeTruthy();
  expect(screen.getByText(t.citySetAside(2))).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: t.previewCityDraft }));
  await screen.findByText('关于滨海市的反馈意见（初稿）');
  expect(calls.cityDrafts[0]!.map((r) => r.district.name)).toEqual(['环翠区', '文登区']);
  // the copies of every checked workbook still go into the .zip: those set aside in a folder of their own, with why
  fireEvent.click(screen.getByRole('button', { name: t.downloadZip }));
  await screen.findByText(/已生成“审核材料.zip”/);
  const zipped = calls.zipped[0]!;
  expect(zipped.map((f) => f.name).filter((n) => n.startsWith('标注副本/'))).toEqual([
    '标注副本/环翠区.checked.xlsx',
    '标注副本/文登区.checked.xlsx',
    '标注副本/未纳入全市汇总/芝罘区.checked.xlsx',
    '标注副本/未纳入全市汇总/荣成市2024.checked.xlsx',
    '标注副本/未纳入全市汇总/说明.txt',
  ]);
  const note = new TextDecoder().decode(zipped.find((f) => f.name.endsWith('说明.txt'))!.bytes);
  expect(note).toContain(`芝罘区.xlsx：${t.setAside['other-city']}：${BATCH_TEXT.otherCity('烟台市', '威海市')}`);
  // letters only for the districts counted
  expect(zipped.filter((f) => f.name.startsWith('反馈意见/')).map((f) => f.name)).toEqual([
    '反馈意见/环翠区反馈意见（初稿）.docx',
    '反馈意见/文登区反馈意见（初稿）.docx',
  ]);
});

test('the reviewer removes one file: it leaves the table and the city', async () => {
  const { calls } = renderFileApp();
  await choose(
    fakeFile('东城区.xlsx', '东城区,379902,0,0,0'),
    fakeFile('西城区.xlsx', '西城区,379903,1,0,0'),
    fakeFile('北海区.xlsx', '北海区,379904,0,0,0'),
    fakeFile('坏的.xlsx', 'bad:文件是空的（0 字节）'),
  );
  await screen.findByText('已校验 3 个工作簿，1 个文件无法校验。');
  expect(screen.getByText(t.cityCounts(3, 2))).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: '移除 西城区.xlsx' }));
  expect(files()).toEqual(['东城区.xlsx', '北海区.xlsx']);
  expect(screen.getByText(t.cityCounts(2, 2))).toBeTruthy();
  expect(screen.getByText('已校验 2 个工作簿，1 个文件无法校验。')).toBeTruthy();

  // a file that could not be checked can go too
  fireEvent.click(screen.getByRole('button', { name: '移除 坏的.xlsx' }));
  expect(document.querySelector('[data-bad-files]')).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: t.downloadCityDraft }));
  await screen.findByText(/已生成“全市汇总反馈意见（初稿）.docx”/);
  expect(calls.cityDrafts[0]!.map((r) => r.district.name)).toEqual(['东城区', '北海区']);
});

test('clearing everything asks first, and cancelling keeps every file', async () => {
  renderFileApp();
  await choose(fakeFile('东城区.xlsx', '东城区,379902,0,0,0'), fakeFile('西城区.xlsx', '西城区,379903,0,0,0'));
  await screen.findByText('已校验 2 个工作簿。');

  fireEvent.click(screen.getByRole('button', { name: t.clear }));
  let ask = await screen.findByRole('alertdialog', { name: '确定清除全部 2 个文件？' });
  // (tabster's modal bookkeeping marks the surface aria-hidden in jsdom; the e2e test checks it in a browser)
  fireEvent.click(within(ask).getByRole('button', { name: t.clearNo, hidden: true }));
  await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
  expect(files()).toEqual(['东城区.xlsx', '西城区.xlsx']);

  fireEvent.click(screen.getByRole('button', { name: t.clear }));
  ask = await screen.findByRole('alertdialog', { name: '确定清除全部 2 个文件？' });
  fireEvent.click(within(ask).getByRole('button', { name: t.clearYes, hidden: true }));
  await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
  expect(screen.queryByText('已校验 2 个工作簿。')).toBeNull();
});

test('the city-wide part says it is partial until every file is read', async () => {
  const stub = stubEngines();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const engines: Engines = {
    ...stub.engines,
    workbook: async () => {
      const inner = await stub.engines.workbook();
      return {
        ...inner,
        async check(bytes, rulesets, now, opts): Promise<Outcome> {
          if (new TextDecoder().decode(bytes).startsWith('北海区')) await held;
          return inner.check(bytes, rulesets, now, opts);
        },
      };
    },
  };
  renderFileApp(engines);
  await choose(
    fakeFile('东城区.xlsx', '东城区,379902,0,0,0'),
    fakeFile('西城区.xlsx', '西城区,379903,0,0,0'),
    fakeFile('北海区.xlsx', '北海区,379904,0,0,0'),
  );
  // two read, the third under way: the table already, the city part not yet
  await waitFor(() => expect(files()).toEqual(['东城区.xlsx', '西城区.xlsx']));
  expect(screen.getByText(t.cityPartial)).toBeTruthy();
  expect(screen.queryByRole('button', { name: t.downloadCityDraft })).toBeNull();
  expect(screen.queryByRole('button', { name: t.previewCityDraft })).toBeNull();
  expect(screen.queryByText(t.cityFindingsHeading)).toBeNull();

  await act(async () => release());
  await screen.findByText(t.cityCounts(3, 3));
  expect(screen.queryByText(t.cityPartial)).toBeNull();
  expect(screen.getByRole('button', { name: t.downloadCityDraft })).toBeTruthy();
});

test('each warning shows the district’s 情况说明; a placeholder such as 无 shows as not explained', () => {
  const report = reportOf([
    finding({
      level: 'warning',
      sheet: '教师队伍',
      cell: 'F5',
      message: '生师比为19.5，高于要求',
      explained: true,
      explanation: '本年新建学校两所，教师招聘在下学期到位',
    }),
    finding({
      level: 'warning',
      sheet: '教师队伍',
      cell: 'F6',
      message: '专任教师学历达标率为88%',
      explained: false,
      explanation: '无',
    }),
    finding({ level: 'warning', sheet: '教师队伍', cell: 'F7', message: '培训经费占比为3%', explained: false }),
    finding({ level: 'notice', sheet: '教师队伍', cell: 'I6', message: '情况说明“无”没有说明原因' }),
  ]);
  render(
    <FluentProvider theme={webLightTheme}>
      <DistrictView
        entry={checkedEntry(1, report)}
        strings={zh}
        downloads={{ busy: null, error: null, done: null }}
        onAnnotated={jest.fn()}
        onDraft={jest.fn()}
      />
    </FluentProvider>,
  );
  const item = (cell: string) => document.querySelector(`[data-cell="教师队伍!${cell}"]`)!;
  const f5 = item('F5');
  expect(f5.querySelector('[data-explanation]')!.textContent).toBe('情况说明：本年新建学校两所，教师招聘在下学期到位');
  expect(f5.querySelector('[data-explained]')!.textContent).toBe(`✓ ${zh.findings.explained}`);
  const f6 = item('F6');
  expect(f6.querySelector('[data-explanation]')!.textContent).toBe('情况说明：无');
  expect(f6.querySelector('[data-explained]')!.getAttribute('data-explained')).toBe('placeholder');
  expect(f6.querySelector('[data-explained]')!.textContent).toBe(zh.findings.placeholderExplanation);
  expect(f6.textContent).not.toContain('✓');
  const f7 = item('F7');
  expect(f7.querySelector('[data-explanation]')).toBeNull();
  expect(f7.querySelector('[data-explained]')!.textContent).toBe(zh.findings.notExplained);
  // notices carry no explanation mark
  expect(item('I6').querySelector('[data-explained]')).toBeNull();
});
