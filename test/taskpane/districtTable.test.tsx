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

describe('a long list (a city of 130 workbooks)', () => {
  const many = byCode(
    Array.from({ length: 130 }, (_, i) =>
      checkedEntry(i + 1, districtReport(`第${i + 1}区`, String(370000 + i + 1)), `第${i + 1}区.xlsx`),
    ),
  );
  const renderMany = (focusId: number | null = null, list = many) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <DistrictTable entries={list} strings={zh} onOpen={jest.fn()} focusId={focusId} />
      </FluentProvider>,
    );
  const dataRows = () => screen.getAllByRole('row').slice(1);

  test('shows its first 100 rows and 显示更多, which adds the rest and gives the focus to the first added', () => {
    renderMany();
    expect(dataRows()).toHaveLength(100);
    expect(screen.getByText(zh.batchList.shownOf(100, 130))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: zh.batchList.showMore(30, 30) }));
    expect(dataRows()).toHaveLength(130);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '查看第101区的问题清单' }));
    expect(document.querySelector('[data-show-more]')).toBeNull();
    // still one table of rows: every row keeps its cells and its button
    expect(within(dataRows()[129]!).getByRole('button', { name: '查看第130区的问题清单' })).toBeTruthy();
  });

  test('the district just closed is shown and focused, however far down it is', () => {
    renderMany(120);
    expect(dataRows()).toHaveLength(130);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '查看第120区的问题清单' }));
  });

  test('a new workbook renders its own row only: the others are not rendered again', () => {
    // every row asks for its button's name once per render
    const asked: string[] = [];
    const strings = {
      ...zh,
      file: {
        ...zh.file,
        openDistrict: (name: string) => {
          asked.push(name);
          return zh.file.openDistrict(name);
        },
      },
    };
    const table = (list: typeof many) => (
      <FluentProvider theme={webLightTheme}>
        {/* a new handler each time, as the page's render gives */}
        <DistrictTable entries={list} strings={strings} onOpen={jest.fn()} status={new Map()} />
      </FluentProvider>
    );
    const { rerender } = render(table(many.slice(0, 50)));
    expect(asked).toHaveLength(50);
    asked.length = 0;
    const added = checkedEntry(999, districtReport('新区', '370025'), '新区.xlsx');
    rerender(table(byCode([...many.slice(0, 50), added])));
    expect(asked).toEqual(['新区']);
    expect(dataRows().map((r) => r.getAttribute('data-code'))).toContain('370025');
  });
});
