import {
  Badge,
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
import { memo, useCallback, useEffect, useRef } from 'react';
import type { BatchStatus } from '../../core/batch';
import { LEVELS, type Level } from '../../core/types';
import type { Strings } from '../../i18n';
import type { CheckedEntry } from '../file/types';
import { LEVEL_LOOK } from '../levels';
import { RemoveFileButton } from './RemoveFileButton';
import { ShowMore, useShownCount } from './ShowMore';

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

type SetAside = Extract<BatchStatus, { included: false }>;

interface DistrictRowProps {
  entry: CheckedEntry;
  /** why the workbook is left out of the city-wide part; null when it counts */
  out: SetAside | null;
  strings: Strings;
  onOpen(id: number): void;
  onRemove?: (id: number) => void;
  /** each row's link, by id (the focus returns to one) */
  links: Map<number, HTMLButtonElement>;
}

/** One workbook's row; rendered again only when what it shows changes (a new file leaves the others be). */
const DistrictRow = memo(
  function DistrictRow({ entry: e, out, strings, onOpen, onRemove, links }: DistrictRowProps) {
    const styles = useStyles();
    const t = strings.file;
    const r = e.outcome.report;
    const name = r.district.name || t.noName;
    const id = e.id;
    const register = useCallback(
      (el: HTMLButtonElement | null) => {
        if (el) links.set(id, el);
        else links.delete(id);
      },
      [links, id],
    );
    return (
      <TableRow
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
            ref={register}
            onClick={() => onOpen(id)}
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
            <RemoveFileButton
              className={styles.removeButton}
              file={e.file}
              strings={strings}
              onClick={() => onRemove(id)}
            />
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
  },
  (a, b) =>
    a.entry === b.entry &&
    a.strings === b.strings &&
    a.onOpen === b.onOpen &&
    a.onRemove === b.onRemove &&
    a.links === b.links &&
    a.out?.reason === b.out?.reason &&
    a.out?.detail === b.out?.detail,
);

/**
 * Every workbook: its district, file, counts of 错误 / 未达标 / 提示 and whether it can be returned;
 * its name opens its findings. A workbook left out of the city-wide part says why; each can be
 * removed. A long list shows its first rows and "显示更多" (the focus goes to the first row added).
 */
export function DistrictTable({ entries, strings, onOpen, focusId, status, onRemove }: DistrictTableProps) {
  const styles = useStyles();
  const t = strings.file;
  const links = useRef(new Map<number, HTMLButtonElement>());
  // the handlers of the page's last render, behind callbacks that stay the same: the rows keep theirs
  const handlers = useRef({ onOpen, onRemove });
  handlers.current = { onOpen, onRemove };
  const open = useCallback((id: number) => handlers.current.onOpen(id), []);
  const removeOne = useCallback((id: number) => handlers.current.onRemove?.(id), []);
  const { shown, more } = useShownCount(
    entries.length,
    focusId == null ? -1 : entries.findIndex((e) => e.id === focusId),
  );
  const focusNext = useRef<number | null>(null);

  useEffect(() => {
    if (focusId != null) links.current.get(focusId)?.focus();
  }, [focusId]);
  // after 显示更多: the first row it added
  useEffect(() => {
    if (focusNext.current === null) return;
    links.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  }, [shown]);
  const showMore = () => {
    focusNext.current = entries[shown]?.id ?? null;
    more();
  };

  return (
    <>
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
          {entries.slice(0, shown).map((e) => {
            const place = status?.get(e.id);
            return (
              <DistrictRow
                key={e.id}
                entry={e}
                out={place && !place.included ? place : null}
                strings={strings}
                onOpen={open}
                onRemove={onRemove ? removeOne : undefined}
                links={links.current}
              />
            );
          })}
        </TableBody>
      </Table>
      <ShowMore shown={shown} total={entries.length} strings={strings} onMore={showMore} />
    </>
  );
}
