/**
 * The page's one workbook worker, made by webpack from check.worker.ts (a chunk of its own that
 * loads the engine's chunk). Loaded only where the browser has Web Workers: `import.meta` exists
 * in the bundle alone, never in the tests (jsdom has no Worker) nor the command line.
 */
import type { WorkbookEngine } from '../types';
import { WorkerClient, workerEngine } from './client';

let engine: WorkbookEngine | null = null;

/** The workbook engine whose checking runs in a Web Worker (one for the page). */
export function workbookWorker(fallback: () => Promise<WorkbookEngine>): WorkbookEngine {
  engine ??= workerEngine(
    new WorkerClient(
      () =>
        // @ts-expect-error -- import.meta is the bundle's (ES modules); the type check compiles to CommonJS
        new Worker(new URL('../check.worker.ts', import.meta.url), { name: 'duty-review-workbooks' }),
    ),
    fallback,
  );
  return engine;
}
