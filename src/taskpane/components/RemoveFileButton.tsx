/** The small “移除” button beside a file in the page's lists (checked districts, unreadable files). */
import { Button } from '@fluentui/react-components';
import type { Strings } from '../../i18n';

export function RemoveFileButton({
  file,
  strings,
  className,
  onClick,
}: {
  file: string;
  strings: Strings;
  className: string;
  onClick: () => void;
}) {
  return (
    <Button
      className={className}
      appearance="transparent"
      size="small"
      aria-label={strings.file.removeFile(file)}
      onClick={onClick}
    >
      {strings.file.remove}
    </Button>
  );
}
