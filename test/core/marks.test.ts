/** The marks every host paints, computed once in core. */
import { CELL_LIMIT, MARK_PREFIX, cellMarks } from '../../src/core/marks';
import type { Finding, Level } from '../../src/core/types';

const f = (level: Level, cell: string, message: string): Finding => ({
  rule: 'x',
  indicator: 'JF01',
  level,
  sheet: '经费投入',
  cell,
  message,
  values: {},
});

test('one mark a cell: the most severe level’s colour, its findings most severe first', () => {
  const marks = cellMarks([f('notice', 'F3', '请核实'), f('warning', 'f3', '未达到'), f('error', 'F4', '不是数字')]);
  expect(marks.map((m) => [m.cell, m.level, m.colour, m.findings.length])).toEqual([
    ['F3', 'warning', 'FFEB9C', 2],
    ['F4', 'error', 'FFC7CE', 1],
  ]);
  expect(marks[0]!.text).toBe(`${MARK_PREFIX}未达标：未达到\n提示：请核实`);
});

test('a note never exceeds what a cell holds, and says it was cut', () => {
  const [m] = cellMarks([f('error', 'A1', 'x'.repeat(40000))]);
  expect(m!.text).toHaveLength(CELL_LIMIT);
  expect(m!.text.endsWith('（其余见“校验结果”工作表）')).toBe(true);
});
