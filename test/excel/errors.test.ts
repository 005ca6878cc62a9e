import { HostError } from '../../src/hosts/excel';
import { hostError } from '../../src/hosts/excel/errors';
import { zh } from '../../src/i18n';
import { FakeOfficeError } from './fakeExcel';

const say = (code: string, sheet?: string) =>
  hostError(new FakeOfficeError(code, 'raw message'), zh.host, sheet).message;

test("Excel's error codes become sentences a clerk can act on", () => {
  expect(say('InvalidOperationInCellEditMode')).toBe(zh.host.editing);
  expect(say('AccessDenied', '校验结果')).toBe('工作表“校验结果”受保护，无法写入。请先取消保护。');
  expect(say('ItemNotFound', '教师队伍')).toBe('找不到工作表“教师队伍”，它可能已被删除或改名。');
  expect(say('ResponsePayloadSizeLimitExceeded')).toBe(zh.host.tooLarge);
  expect(say('ApiNotFound')).toBe(zh.host.unsupported);
  expect(say('GeneralException')).toBe('Excel 报告了一个问题：raw message');
});

test('a HostError passes through unchanged', () => {
  const e = new HostError('已经写好的话', 'warning');
  expect(hostError(e, zh.host)).toBe(e);
});
