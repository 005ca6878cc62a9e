import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { ChartTable as Table } from '../../../core/charts/tables';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'left',
    whiteSpace: 'nowrap',
  },
  number: { textAlign: 'right' },
  /** a table shown scrolls sideways inside the pane */
  shown: { overflowX: 'auto', maxWidth: '100%' },
  /** read by screen readers, not shown (on a wrapper: a table ignores a width smaller than its content) */
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** Rows mounted together: a run already shown is not rendered again as more come. */
const RUN = 100;

/** Rows `from` to `to` of a table (memo: the same props render nothing new). */
const Rows = memo(function Rows({ rows, from, to }: { rows: readonly string[][]; from: number; to: number }) {
  const styles = useStyles();
  return (
    <>
      {rows.slice(from, to).map((row, r) => (
        <tr key={from + r}>
          {row.map((c, i) =>
            i === 0 ? (
              <th key={i} scope="row" className={styles.cell}>
                {c}
              </th>
            ) : (
              <td key={i} className={mergeClasses(styles.cell, styles.number)}>
                {c}
              </td>
            ),
          )}
        </tr>
      ))}
    </>
  );
});

/**
 * A chart's numbers: always there for screen readers, shown when the reader asks for them. With
 * `shown`, only the first rows (the rest come as the page mounts them).
 */
export function ChartTable({
  table,
  caption,
  visible,
  id,
  shown,
}: {
  table: Table;
  caption: string;
  visible: boolean;
  id: string;
  shown?: number;
}) {
  const styles = useStyles();
  const count = Math.min(shown ?? table.rows.length, table.rows.length);
  return (
    <div className={visible ? styles.shown : styles.hidden}>
      <table id={id} className={styles.table} data-chart-table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th key={i} scope="col" className={styles.cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.ceil(count / RUN) }, (_, r) => (
            <Rows key={r} rows={table.rows} from={r * RUN} to={Math.min(count, (r + 1) * RUN)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
