/** What this Excel can do, decided at run time from the ExcelApi requirement sets it supports. */

export interface Capabilities {
  /**
   * 1.2: worksheet protection state and options (a protected sheet that allows formatting cells
   * takes static fills as it is), used range of values only, column widths and row autofit. On
   * 1.1 protection cannot be seen: static fills are tried and a sheet that refuses is reported.
   */
  protection: boolean;
  /** 1.6: conditional formats (otherwise static fills, restored from a record) */
  conditionalFormats: boolean;
  /**
   * 1.7: every protection option can be read (selection mode, objects and scenarios came in 1.7),
   * so a sheet protected without a password can be unprotected for marking and protected again
   * exactly as it was. Before 1.7 protected sheets are never unprotected.
   */
  reprotect: boolean;
  /** 1.7: worksheet change events and cell hyperlinks */
  sheetEvents: boolean;
  hyperlinks: boolean;
  /** 1.8: switching events off while the add-in writes */
  enableEvents: boolean;
  /** 1.9: one change event for every worksheet, including sheets added later */
  workbookEvents: boolean;
  /**
   * 1.9: multi-area ranges (`getRanges`), so that each level's marks on a sheet are one conditional
   * format over all its cells (before: one per cell)
   */
  multiArea: boolean;
  /** 1.10: threaded comments */
  comments: boolean;
  /** 1.13: merged areas of a range, so that a merged 情况说明 explains every row it covers */
  mergedAreas: boolean;
  /** 1.18: notes, used when comments fail */
  notes: boolean;
  /**
   * ExcelApiOnline 1.1 (Excel on the web): `protection.isPasswordProtected`, so that a sheet with a
   * password is known before anything is tried on it. Elsewhere, a failed unprotect tells.
   */
  passwordInfo: boolean;
}

/** Whether Office itself reports ExcelApiOnline 1.1 (false outside Office, e.g. in tests). */
function officeOnline(): boolean {
  return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApiOnline', '1.1');
}

/**
 * `supports("1.10")` asks whether ExcelApi 1.10 is there; versions are strings, as Office wants them.
 * `supportsOnline` asks whether the web-only ExcelApiOnline 1.1 set is there.
 */
export function detectCapabilities(
  supports: (version: string) => boolean,
  supportsOnline: () => boolean = officeOnline,
): Capabilities {
  const safely = (ask: () => boolean) => {
    try {
      return ask();
    } catch {
      return false;
    }
  };
  const at = (version: string) => safely(() => supports(version));
  return {
    protection: at('1.2'),
    conditionalFormats: at('1.6'),
    reprotect: at('1.2') && at('1.7'),
    sheetEvents: at('1.7'),
    hyperlinks: at('1.7'),
    enableEvents: at('1.8'),
    workbookEvents: at('1.9'),
    multiArea: at('1.9'),
    comments: at('1.10'),
    mergedAreas: at('1.13'),
    notes: at('1.18'),
    passwordInfo: at('1.7') && safely(supportsOnline),
  };
}
