import { Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { readyLine } from '../../core/summary';
import type { Report } from '../../core/types';
import type { Strings } from '../../i18n';

const useStyles = makeStyles({
  banner: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: '4px solid',
  },
  ready: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorderActive,
  },
  notReady: { backgroundColor: tokens.colorPaletteRedBackground1, borderLeftColor: tokens.colorPaletteRedBorderActive },
});

function readyText(report: Report, strings: Strings): string {
  if (strings.locale === 'zh-CN') return readyLine(report);
  if (report.status === 'not-template') return strings.ready.notTemplate;
  if (report.readyToReturn) return strings.ready.yes;
  const unexplained = report.findings.filter((f) => f.level === 'warning' && !f.explained).length;
  return strings.ready.no(report.counts.error, unexplained);
}

/** Whether the workbook can be returned, at a glance. */
export function ReadyBanner({ report, strings }: { report: Report; strings: Strings }) {
  const styles = useStyles();
  const ready = report.readyToReturn && report.status === 'checked';
  return (
    <div className={`${styles.banner} ${ready ? styles.ready : styles.notReady}`} data-ready={ready} role="status">
      <Body1Strong>{readyText(report, strings)}</Body1Strong>
    </div>
  );
}
