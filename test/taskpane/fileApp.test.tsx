/** @jest-environment jsdom */
import { TextDecoder } from 'util';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { en, zh } from '../../src/i18n';
import { FileApp } from '../../src/taskpane/FileApp';
import type { Saver } from '../../src/taskpane/file/download';
import { rulesetEngine } from '../../src/taskpane/rulesets/engine';
import { fakeFile, stubEngines } from './fileHelpers';

function renderFileApp(strings = zh) {
  const { engines, calls } = stubEngines();
  const saved: { name: string; text: string }[] = [];
  const save: Saver = (bytes, name) => saved.push({ name, text: new TextDecoder().decode(bytes) });
  render(<FileApp strings={strings} engine={rulesetEngine} engines={engines} save={save} />);
  return { calls, saved };
}

async function choose(...files: File[]) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

test('the page says what it is, that files stay here, and offers a file button the keyboard can reach', () => {
  renderFileApp();
  expect(screen.getByRole('heading', { level: 1, name: '履职评价填报校验' })).toBeTruthy();
  expect(screen.getByText('文件只在本机浏览器中处理，不会上传。')).toBeTruthy();
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  expect(input.multiple).toBe(true);
  expect(input.accept.split(',')[0]).toBe('.xlsx');
  expect(input.tabIndex).toBe(-1);
  const button = screen.getByRole('button', { name: '选择文件…' });
  const click = jest.spyOn(input, 'click');
  fireEvent.click(button);
  expect(click).toHaveBeenCalled();
});

test('one workbook: its findings and readiness at once, and its two downloads', async () => {
  const { saved } = renderFileApp();
  await choose(fakeFile('南山县.xlsx', '南山县,379921,2,1,0'));
  await screen.findByRole('heading', { name: '南山县' });
  expect(screen.queryByRole('table')).toBeNull();
  expect(screen.getByText(/^✗ 暂不能报送：请先改正 2 处错误/)).toBeTruthy();
  expect(document.querySelectorAll('[data-cell]')).toHaveLength(3);
  // a file has no cell to select: findings are not buttons
  expect(screen.queryByTitle(/转到/)).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: '下载标注副本（.xlsx）' }));
  await screen.findByText('已生成“南山县.checked.xlsx”，请在浏览器的下载内容中查看。');
  fireEvent.click(screen.getByRole('button', { name: '下载反馈意见初稿（.docx）' }));
  await screen.findByText(/已生成“南山县反馈意见（初稿）.docx”/);
  expect(saved).toEqual([
    { name: '南山县.checked.xlsx', text: 'copy of 南山县' },
    { name: '南山县反馈意见（初稿）.docx', text: '关于南山县的反馈意见（初稿）' },
  ]);
});

test('many workbooks: a table by code, bad files in one line each, the city draft and the zip', async () => {
  const { calls, saved } = renderFileApp();
  await choose(
    fakeFile('青石市.xlsx', '青石市,379981,0,8,7'),
    fakeFile('坏的.xlsx', 'bad:文件是空的（0 字节）'),
    fakeFile('说明.txt', 'readme'),
    fakeFile('东城区.xlsx', '东城区,379902,0,0,0'),
    fakeFile('~$东城区.xlsx', 'lock'),
  );
  await screen.findByText('已校验 2 个工作簿，3 个文件无法校验。');
  const rows = within(screen.getByRole('table', { name: '各地区校验情况' }))
    .getAllByRole('row')
    .slice(1);
  expect(rows.map((r) => r.getAttribute('data-district'))).toEqual(['东城区', '青石市']);
  const bad = [...document.querySelectorAll('[data-bad-files] li [data-line]')].map((li) => li.textContent);
  expect(bad).toEqual([
    '坏的.xlsx：无法读取：文件是空的（0 字节）',
    '说明.txt：不是 .xlsx 工作簿（.txt），已跳过',
    '~$东城区.xlsx：Excel 的临时锁定文件，已跳过',
  ]);
  // skipped files are never read
  expect(calls.checked).toEqual(['青石市,379981,0,8,7', 'bad:文件是空的（0 字节）', '东城区,379902,0,0,0']);
  expect(screen.getByText('2 个地区，其中 1 个可以报送。')).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: '下载全市反馈意见初稿（.docx）' }));
  await screen.findByText(/已生成“全市汇总反馈意见（初稿）.docx”/);
  expect(calls.cityDrafts[0]!.map((r) => r.district.name)).toEqual(['东城区', '青石市']);

  fireEvent.click(screen.getByRole('button', { name: '全部下载（.zip）' }));
  await screen.findByText(/已生成“审核材料.zip”/);
  expect(calls.zipped[0]!.map((f) => f.name)).toEqual([
    '反馈意见/东城区反馈意见（初稿）.docx',
    '反馈意见/青石市反馈意见（初稿）.docx',
    '全市汇总反馈意见（初稿）.docx',
    '标注副本/东城区.checked.xlsx',
    '标注副本/青石市.checked.xlsx',
    '审核台账.xlsx',
  ]);
  expect(saved.map((s) => s.name)).toEqual(['全市汇总反馈意见（初稿）.docx', '审核材料.zip']);

  // the city-wide draft can be read on the page
  fireEvent.click(screen.getByRole('button', { name: '查看全市反馈意见（初稿）' }));
  expect(await screen.findByText('关于滨海市的反馈意见（初稿）')).toBeTruthy();

  // one district, and back
  fireEvent.click(screen.getByRole('button', { name: '查看青石市的问题清单' }));
  const heading = await screen.findByRole('heading', { name: '青石市' });
  expect(document.activeElement).toBe(heading);
  fireEvent.click(screen.getByRole('button', { name: '← 返回地区列表' }));
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '查看青石市的问题清单' })),
  );

  fireEvent.click(screen.getByRole('button', { name: '全部清除' }));
  const ask = await screen.findByRole('alertdialog', { name: '确定清除全部 5 个文件？' });
  // (tabster's modal bookkeeping marks the surface aria-hidden in jsdom; the e2e test checks it in a browser)
  fireEvent.click(within(ask).getByRole('button', { name: '清除', hidden: true }));
  await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
  expect(document.querySelector('[data-bad-files]')).toBeNull();
});

test('a file given again under the same name replaces the earlier one', async () => {
  renderFileApp();
  await choose(fakeFile('东城区.xlsx', '东城区,379902,1,0,0'), fakeFile('西城区.xlsx', '西城区,379903,0,0,0'));
  await screen.findByText('已校验 2 个工作簿。');
  await choose(fakeFile('东城区.xlsx', '东城区,379902,0,0,0'));
  await screen.findByText('2 个地区，其中 2 个可以报送。');
  expect(within(screen.getByRole('table', { name: '各地区校验情况' })).getAllByRole('row')).toHaveLength(3);
});

test('when the checker cannot be loaded, the page says so in a sentence', async () => {
  const { engines } = stubEngines();
  render(
    <FileApp
      strings={zh}
      engine={rulesetEngine}
      engines={{ ...engines, workbook: () => Promise.reject(new Error('ChunkLoadError')) }}
    />,
  );
  await choose(fakeFile('东城区.xlsx', '东城区,379902,0,0,0'));
  expect(await screen.findByText(/校验组件加载失败/)).toBeTruthy();
});

test('in English when asked', async () => {
  renderFileApp(en);
  expect(screen.getByText('Files are processed in this browser only; nothing is uploaded.')).toBeTruthy();
  await choose(fakeFile('a.xlsx', 'East,379902,0,0,0'), fakeFile('b.xlsx', 'West,379903,0,1,0'));
  await screen.findByText('2 workbook(s) checked.');
  expect(screen.getByRole('button', { name: 'Findings of West' })).toBeTruthy();
});
