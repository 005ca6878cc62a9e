import { makeStyles, tokens } from '@fluentui/react-components';
import type { Draft, DraftBlock } from '../../core/types';

const useStyles = makeStyles({
  paper: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: '480px',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
  },
  title: { margin: 0, textAlign: 'center', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h1: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0, textIndent: '2em' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'left',
    verticalAlign: 'top',
  },
});

function Block({ block }: { block: DraftBlock }) {
  const styles = useStyles();
  switch (block.style) {
    case 'title':
      return <p className={styles.title}>{block.text}</p>;
    case 'h1':
      return <p className={styles.h1}>{block.text}</p>;
    case 'h2':
      return <p className={styles.h2}>{block.text}</p>;
    case 'table':
      return (
        <table className={styles.table}>
          <thead>
            <tr>
              {block.header.map((h, i) => (
                <th key={i} className={styles.cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                {row.map((c, j) => (
                  <td key={j} className={styles.cell}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    default:
      return <p className={styles.body}>{block.text}</p>;
  }
}

/** A draft feedback text as it reads, before it is downloaded as a Word document. */
export function DraftPreview({ draft }: { draft: Draft }) {
  const styles = useStyles();
  return (
    <article className={styles.paper} aria-label={draft.title} tabIndex={0} data-draft-preview>
      {draft.blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </article>
  );
}
