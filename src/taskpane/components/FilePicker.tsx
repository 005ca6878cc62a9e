import { Button, type ButtonProps } from '@fluentui/react-components';
import { useRef } from 'react';

/** Extensions the file dialog shows: .xlsx first; .xls too, so that an old workbook gets its advice. */
export const WORKBOOK_ACCEPT = '.xlsx,.xlsm,.xls';

export interface FilePickerProps {
  label: string;
  /** the hidden input's accessible name */
  inputLabel: string;
  disabled?: boolean;
  appearance?: ButtonProps['appearance'];
  /** the extensions the dialog shows; workbooks by default */
  accept?: string;
  /** several files at once (the default) */
  multiple?: boolean;
  onFiles(files: File[]): void;
}

/**
 * A button that opens the file dialog, for .xlsx workbooks (several at once) unless told
 * otherwise. The input itself is hidden and out of the tab order: the button is the one keyboard stop.
 */
export function FilePicker({
  label,
  inputLabel,
  disabled,
  appearance = 'primary',
  accept = WORKBOOK_ACCEPT,
  multiple = true,
  onFiles,
}: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={inputLabel}
        tabIndex={-1}
        hidden
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          // the same files chosen again must fire `change` again
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
