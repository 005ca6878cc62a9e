import { render } from '@testing-library/react';
import type { Report, Finding } from '../../src/core/types';
import type { WorkbookHost } from '../../src/hosts/host';
import { zh, type Strings } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import type { DraftMaker } from '../../src/taskpane/draft';
import { rulesetEngine } from '../../src/taskpane/rulesets/engine';
import { NOW, fakeTemplate, hostOf } from '../excel/helpers';
import type { FakeWorkbook } from '../excel/fakeExcel';

export const draftMaker: DraftMaker = (report) => ({
  title: `关于${report.district.name}的反馈意见（初稿）`,
  blocks: [{ style: 'title', text: `关于${report.district.name}的反馈意见（初稿）` }],
});

export function renderApp(
  opts: { wb?: FakeWorkbook; host?: WorkbookHost; strings?: Strings; liveDelayMs?: number } = {},
) {
  const wb = opts.wb ?? fakeTemplate({ problems: true });
  const host = opts.host ?? hostOf(wb);
  const view = render(
    <App
      host={host}
      mode="excel"
      strings={opts.strings ?? zh}
      engine={rulesetEngine}
      now={() => NOW}
      loadDraftMaker={async () => draftMaker}
      liveDelayMs={opts.liveDelayMs ?? 50}
    />,
  );
  return { wb, host, ...view };
}

export function finding(over: Partial<Finding>): Finding {
  return {
    rule: 'X',
    indicator: null,
    level: 'error',
    sheet: '经费投入',
    cell: 'F3',
    message: '消息',
    values: {},
    ...over,
  };
}

export function reportOf(findings: Finding[], over: Partial<Report> = {}): Report {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.level]++;
  return {
    status: 'checked',
    rulesetVersion: '2025.1',
    templateVersion: '2025.1',
    district: { name: '文登区', code: '371003', year: 2024, city: '威海市' },
    findings,
    counts,
    readyToReturn: counts.error === 0 && findings.every((f) => f.level !== 'warning' || f.explained),
    indicators: {},
    ...over,
  };
}
