import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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

/** A chart's numbers: always there for screen readers, shown when the reader asks for them. */
export function ChartTable({
  table,
  caption,
  visible,
  id,
}: {
  table: Table;
  caption: string;
  visible: boolean;
  id: string;
}) {
  const styles = useStyles();
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
          {table.rows.map((row, r) => (
            <tr key={r}>
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
        </tbody>
      </table>
    </div>
  );
}
