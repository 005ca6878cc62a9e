/** What this Excel can do, decided at run time from the ExcelApi requirement sets it supports. */

export interface Capabilities {
  /** 1.2: worksheet protection state, used range of values only, column widths and row autofit */
  protection: boolean;
  /** 1.6: conditional formats (otherwise static fills, restored from a record) */
  conditionalFormats: boolean;
  /** 1.7: worksheet change events and cell hyperlinks */
  sheetEvents: boolean;
  hyperlinks: boolean;
  /** 1.8: switching events off while the add-in writes */
  enableEvents: boolean;
  /** 1.9: one change event for every worksheet, including sheets added later */
  workbookEvents: boolean;
  /** 1.10: threaded comments */
  comments: boolean;
  /** 1.18: notes, used when comments fail */
  notes: boolean;
}

/** `supports("1.10")` asks whether ExcelApi 1.10 is there; versions are strings, as Office wants them. */
export function detectCapabilities(supports: (version: string) => boolean): Capabilities {
  const at = (version: string) => {
    try {
      return supports(version);
    } catch {
      return false;
    }
  };
  return {
    protection: at('1.2'),
    conditionalFormats: at('1.6'),
    sheetEvents: at('1.7'),
    hyperlinks: at('1.7'),
    enableEvents: at('1.8'),
    workbookEvents: at('1.9'),
    comments: at('1.10'),
    notes: at('1.18'),
  };
}
