import {
  Badge,
  Button,
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { BatchStatus } from '../../core/batch';
import { LEVELS, type Level } from '../../core/types';
import type { Strings } from '../../i18n';
import type { CheckedEntry } from '../file/types';
import { LEVEL_LOOK } from '../levels';

const useStyles = makeStyles({
  district: { paddingLeft: tokens.spacingHorizontalXS },
  // narrow enough for a 350-px task pane, the district name takes the rest
  count: {
    width: '44px',
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    textAlign: 'center',
  },
  countHead: {
    width: '44px',
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    whiteSpace: 'nowrap',
    '& > div': { justifyContent: 'center' },
  },
  ready: { width: '76px', paddingRight: 0 },
  nameCell: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  name: { display: 'block', maxWidth: '100%', textAlign: 'left', wordBreak: 'break-word' },
  code: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyNumeric,
    wordBreak: 'break-all',
  },
  setAside: { display: 'block', color: tokens.colorPaletteDarkOrangeForeground1, wordBreak: 'break-word' },
  // a row that does not count for the city reads quieter
  outRow: { '& td': { backgroundColor: tokens.colorNeutralBackground2 } },
  // under the file's name, so that the name keeps the width of a 350-px pane
  removeButton: {
    minWidth: 0,
    height: 'auto',
    padding: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  chip: {
    display: 'inline-block',
    minWidth: '24px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusSmall,
    textAlign: 'center',
    fontFamily: tokens.fontFamilyNumeric,
    fontWeight: tokens.fontWeightSemibold,
  },
  zero: { color: tokens.colorNeutralForeground4, fontFamily: tokens.fontFamilyNumeric },
});

export interface DistrictTableProps {
  /** in the order to show (by 行政区划代码) */
  entries: readonly CheckedEntry[];
  strings: Strings;
  onOpen(id: number): void;
  /** the district to give the keyboard focus to (the one just closed) */
  focusId?: number | null;
  /** each entry's place in the batch (core/batch), by id: one left out says why */
  status?: ReadonlyMap<number, BatchStatus>;
  /** the reviewer takes one file off the page */
  onRemove?: (id: number) => void;
}

function Count({ level, n }: { level: Level; n: number }) {
  const styles = useStyles();
  if (n === 0) return <span className={styles.zero}>0</span>;
  const look = LEVEL_LOOK[level];
  return (
    <span className={styles.chip} style={{ backgroundColor: look.fill, color: look.ink }}>
      {n}
    </span>
  );
}

function ReadyBadge({ ready, strings }: { ready: boolean; strings: Strings }) {
  return (
    <Badge appearance="tint" shape="rounded" color={ready ? 'success' : 'danger'}>
      {ready ? strings.file.readyYes : strings.file.readyNo}
    </Badge>
  );
}

/**
 * Every workbook: its district, file, counts of 错误 / 未达标 / 提示 and whether it can be returned;
 * its name opens its findings. A workbook left out of the city-wide part says why; each can be removed.
 */
export function DistrictTable({ entries, strings, onOpen, focusId, status, onRemove }: DistrictTableProps) {
  const styles = useStyles();
  const t = strings.file;
  const links = useRef(new Map<number, HTMLButtonElement>());

  useEffect(() => {
    if (focusId != null) links.current.get(focusId)?.focus();
  }, [focusId]);

  return (
    <Table size="small" aria-label={t.tableHeading} data-district-table>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.district}>{t.colDistrict}</TableHeaderCell>
          {LEVELS.map((level) => (
            <TableHeaderCell key={level} className={styles.countHead}>
              {strings.levels[level]}
            </TableHeaderCell>
          ))}
          <TableHeaderCell className={styles.ready}>{t.colReady}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => {
          const r = e.outcome.report;
          const name = r.district.name || t.noName;
          const place = status?.get(e.id);
          const out = place && !place.included ? place : null;
          return (
            <TableRow
              key={e.id}
              className={out ? styles.outRow : undefined}
              data-district={r.district.name}
              data-code={r.district.code}
              data-file={e.file}
              data-set-aside={out?.reason}
            >
              <TableCell className={styles.nameCell}>
                <Link
                  as="button"
                  className={styles.name}
                  aria-label={t.openDistrict(name)}
                  ref={(el: HTMLButtonElement | null) => {
                    if (el) links.current.set(e.id, el);
                    else links.current.delete(e.id);
                  }}
                  onClick={() => onOpen(e.id)}
                >
                  {name}
                </Link>
                <Caption1 className={styles.code}>
                  {r.district.code && (
                    <>
                      <span>{r.district.code}</span>
                      {' · '}
                    </>
                  )}
                  <span data-file-name>{e.file}</span>
                </Caption1>
                {out && (
                  <Caption1 className={styles.setAside} data-reason>
                    {t.setAside[out.reason]}
                    {t.colon}
                    {out.detail}
                  </Caption1>
                )}
                {onRemove && (
                  <Button
                    className={styles.removeButton}
                    appearance="transparent"
                    size="small"
                    aria-label={t.removeFile(e.file)}
                    onClick={() => onRemove(e.id)}
                  >
                    {t.remove}
                  </Button>
                )}
              </TableCell>
              {LEVELS.map((level) => (
                <TableCell key={level} className={styles.count} data-level={level}>
                  <Count level={level} n={r.counts[level]} />
                </TableCell>
              ))}
              <TableCell className={styles.ready}>
                <ReadyBadge ready={r.readyToReturn} strings={strings} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
