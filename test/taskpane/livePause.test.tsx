/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { LEVEL_COLOURS } from '../../src/core/summary';
import { renderApp } from './helpers';

async function validate() {
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  await screen.findByRole('button', { name: '重新校验' });
}

test('清除标注 stays cleared: live validation pauses until the next 校验', async () => {
  const { wb } = renderApp({ liveDelayMs: 20 });
  await validate();
  expect(wb.look('经费投入', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`);

  fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
  await screen.findByText(/“边填边校验”已暂停，点“校验”后恢复/);
  await new Promise((r) => setTimeout(r, 450)); // past the quiet time after the add-in's writes
  const writes = wb.sheets.map((s) => s.writes);
  wb.userEdit('经费投入', 'F4', 1);
  await new Promise((r) => setTimeout(r, 200));
  expect(wb.sheets.map((s) => s.writes)).toEqual(writes);
  expect(screen.queryByText('内容有变动，正在重新校验…')).toBeNull();
  expect(wb.look('经费投入', 'F3').fill).toBe('');
  expect(wb.comments).toHaveLength(0);

  // 校验 marks again and resumes live validation
  fireEvent.click(screen.getByRole('button', { name: '重新校验' }));
  await waitFor(() => expect(wb.look('经费投入', 'F3').fill).toBe(`#${LEVEL_COLOURS.error}`));
  await new Promise((r) => setTimeout(r, 450));
  wb.userEdit('经费投入', 'F3', 11500);
  await waitFor(() => expect(wb.look('经费投入', 'F3').fill).toBe(''), { timeout: 1000 });
});
