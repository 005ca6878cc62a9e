/**
 * The web page with its real engines (the reader, drafts, years, zip) on real .xlsx files; the
 * .docx writer stubbed to record each draft. For the page tests that follow a file end to end.
 */
import { TextDecoder, TextEncoder } from 'util';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Draft } from '../../src/core/types';
import { zh } from '../../src/i18n';
import { FileApp } from '../../src/taskpane/FileApp';
import type { Saver } from '../../src/taskpane/file/download';
import { draftEngine } from '../../src/taskpane/file/draftEngine';
import type { Engines } from '../../src/taskpane/file/types';
import { workbookEngine } from '../../src/taskpane/file/workbookEngine';
import { yearsEngine } from '../../src/taskpane/file/yearsEngine';
import { zipFiles } from '../../src/taskpane/file/zip';
import { rulesetEngine } from '../../src/taskpane/rulesets/engine';
import { TODAY } from '../fixtures/workbooks';

// ExcelJS and JSZip in jsdom
Object.assign(globalThis, { TextEncoder, TextDecoder });

export interface Saved {
  name: string;
  bytes: Uint8Array;
}

export function renderPage() {
  const drafts: Draft[] = [];
  const engines: Engines = {
    workbook: async () => workbookEngine,
    drafts: async () => draftEngine,
    docx: async () => async (draft) => {
      drafts.push(draft);
      return new TextEncoder().encode(draft.title);
    },
    zip: async () => zipFiles,
    years: async () => yearsEngine,
  };
  const saved: Saved[] = [];
  const save: Saver = (bytes, name) => saved.push({ name, bytes });
  render(
    <FileApp strings={zh} engine={rulesetEngine} engines={engines} save={save} now={() => TODAY} storage={null} />,
  );
  return { saved, drafts };
}

export async function give(inputLabel: string, ...files: File[]) {
  const input = screen.getByLabelText<HTMLInputElement>(inputLabel);
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

export const thisYear = (...files: File[]) => give(zh.file.inputLabel, ...files);
