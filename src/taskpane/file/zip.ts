/** Several files into one .zip, in the browser (jszip, its own chunk). */
import JSZip from 'jszip';
import type { NamedBytes } from './types';

export async function zipFiles(files: readonly NamedBytes[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  // .xlsx files are zips already: storing them is as small and much faster
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
