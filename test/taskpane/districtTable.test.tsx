/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { zh } from '../../src/i18n';
import { DistrictTable } from '../../src/taskpane/components/DistrictTable';
import { byCode } from '../../src/taskpane/file/order';
import { checkedEntry, districtReport } from './fileHelpers';

const entries = byCode([
  checkedEntry(1, districtReport('南山县', '379921', 10, 3, 2)),
  checkedEntry(2, districtReport('', '', 0, 1, 0), '无名.xlsx'),
  checkedEntry(3, districtReport('东城区', '379902')),
  checkedEntry(4, districtReport('西城区', '379903', 0, 6, 1)),
]);

function renderTable(onOpen = jest.fn(), focusId: number | null = null) {
  render(
    <FluentProvider theme={webLightTheme}>
      <DistrictTable entries={entries} strings={zh} onOpen={onOpen} focusId={focusId} />
    </FluentProvider>,
  );
  return onOpen;
}

const rowOf = (name: string) => screen.getByRole('button', { name: `查看${name}的问题清单` }).closest('tr')!;

test('districts are in order of 行政区划代码; a workbook without a code comes last', () => {
  renderTable();
  const rows = screen.getAllByRole('row').slice(1);
  expect(rows.map((r) => r.getAttribute('data-code'))).toEqual(['379902', '379903', '379921', '']);
  expect(within(rows[3]!).getByText('（未填地区名称）')).toBeTruthy();
  expect(within(rows[3]!).getByText('无名.xlsx')).toBeTruthy();
});

test('the header names the three levels and whether a district can return its workbook', () => {
  renderTable();
  const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
  expect(headers).toEqual(['地区', '错误', '未达标', '提示', '可否报送']);
});

test('each row counts 错误 / 未达标 / 提示 and says whether it is ready', () => {
  renderTable();
  const nanshan = rowOf('南山县');
  const counts = ['error', 'warning', 'notice'].map((l) => nanshan.querySelector(`[data-level="${l}"]`)!.textContent);
  expect(counts).toEqual(['10', '3', '2']);
  expect(within(nanshan).getByText('暂不能报送')).toBeTruthy();
  const dongcheng = rowOf('东城区');
  expect(within(dongcheng).getByText('可报送')).toBeTruthy();
  expect(within(dongcheng).getByText('379902')).toBeTruthy();
  expect(within(dongcheng).getByText('东城区.xlsx')).toBeTruthy();
});

test('a district name is a button that opens its findings', () => {
  const onOpen = renderTable();
  const button = screen.getByRole('button', { name: '查看西城区的问题清单' });
  expect(button.tagName).toBe('BUTTON');
  fireEvent.click(button);
  expect(onOpen).toHaveBeenCalledWith(4);
});

test('coming back from a district, the keyboard is on its name again', () => {
  renderTable(jest.fn(), 1);
  expect(document.activeElement).toBe(screen.getByRole('button', { name: '查看南山县的问题清单' }));
});
