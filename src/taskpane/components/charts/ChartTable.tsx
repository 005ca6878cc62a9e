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
  /** read by screen readers, not shown */
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
    <table id={id} className={mergeClasses(styles.table, !visible && styles.hidden)} data-chart-table>
      <caption className={visible ? undefined : styles.hidden}>{caption}</caption>
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
  );
}
