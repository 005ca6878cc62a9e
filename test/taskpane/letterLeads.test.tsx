/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * A district's letter from the page says where the district leads the batch, as the city report
 * says it (and as `feedback` writes it): the page passes the batch's first places to the letter.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { draftToText } from '../../src/core/feedback/text';
import { zh } from '../../src/i18n';
import { xlsxOf } from '../fixtures/workbooks';
import { district } from '../years/helpers';
import { bytesFile } from './fileHelpers';
import { renderPage, thisYear } from './realPage';

jest.setTimeout(120_000);

test('the letter of the district whose spending grew most says 居全市首位', async () => {
  const { drafts } = renderPage();
  const east = district((d) => (d.values.JF01 = { last: 50000, current: 60000 }));
  const west = district((d) => {
    d.info.name = '西城区';
    d.info.code = '379903';
    d.values.JF01 = { last: 52000, current: 53000 };
  });
  await thisYear(bytesFile('东城区.xlsx', await xlsxOf(east)), bytesFile('西城区.xlsx', await xlsxOf(west)));
  await screen.findByText('已校验 2 个工作簿。', undefined, { timeout: 60000 });
  fireEvent.click(screen.getByRole('button', { name: zh.file.openDistrict('东城区') }));
  fireEvent.click(await screen.findByRole('button', { name: zh.file.downloadDraft }));
  await waitFor(() => expect(drafts).toHaveLength(1), { timeout: 60000 });
  const text = draftToText(drafts[0]!);
  expect(text).toMatch(/一般公共预算教育支出[^。]*增长20\.0%[^。]*居全市首位/);
});
