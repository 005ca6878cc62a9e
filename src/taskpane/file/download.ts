/** Handing bytes made in the page to the browser as a download. Nothing leaves the computer. */
export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
} as const;

export function saveBytes(bytes: Uint8Array, name: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has taken the file once the click returned; give it a moment before letting go
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type Saver = typeof saveBytes;
