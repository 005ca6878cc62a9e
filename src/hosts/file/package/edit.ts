/**
 * An opened package with edits: parts changed, added or removed, by name. Writing keeps every
 * part nobody changed as its original zip entry, byte for byte, in its original place.
 */
import { strToU8 } from 'fflate';
import type { XlsxPackage } from './open';
import { writeZip, type OutEntry } from './zip';

export class PackageEdit {
  /** changed or added parts: their new text */
  private readonly changed = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** added part names, in the order they were added */
  private readonly added: string[] = [];
  /** counts parts coming and going (not texts changing): what a cache of where parts are depends on */
  private partsChanged = 0;
  /** original texts already read: a part the package did not keep is inflated once, not per look */
  private readonly originals = new Map<string, string | null>();

  constructor(readonly pkg: XlsxPackage) {}

  /** The stored name of a part (its case as in the zip), or the name given for a new part. */
  private key(name: string): string {
    return this.pkg.entry(name)?.name ?? this.added.find((a) => a.toLowerCase() === name.toLowerCase()) ?? name;
  }

  entry(name: string): { name: string } | undefined {
    return this.has(name) ? { name: this.key(name) } : undefined;
  }

  has(name: string): boolean {
    const key = this.key(name);
    return !this.removed.has(key) && (this.changed.has(key) || this.pkg.has(key));
  }

  /** A part's current text, or null when there is none. */
  text(name: string): string | null {
    const key = this.key(name);
    if (this.removed.has(key)) return null;
    return this.changed.get(key) ?? this.original(key);
  }

  /** A part's current text in pieces (XlsxPackage.pieces) while it is unchanged, else its text. */
  pieces(name: string, local: string, count?: number): string[] | null {
    const key = this.key(name);
    if (this.removed.has(key)) return null;
    const text = this.changed.get(key) ?? this.originals.get(key);
    if (text !== undefined) return text === null ? null : [text];
    return this.pkg.pieces(key, local, count);
  }

  private original(key: string): string | null {
    let text = this.originals.get(key);
    if (text === undefined) {
      text = this.pkg.text(key);
      this.originals.set(key, text);
    }
    return text;
  }

  /** Sets a part's text (adding the part when it is new); unchanged text leaves the part as it was. */
  set(name: string, text: string): void {
    const key = this.key(name);
    if (!this.has(key)) this.partsChanged++;
    const existed = this.pkg.has(key);
    this.removed.delete(key);
    if (existed && this.original(key) === text) {
      // back to what it was: the original entry is copied again
      this.changed.delete(key);
      return;
    }
    if (!existed && !this.added.includes(key)) this.added.push(key);
    this.changed.set(key, text);
  }

  remove(name: string): void {
    const key = this.key(name);
    if (this.has(key)) this.partsChanged++;
    this.changed.delete(key);
    const i = this.added.indexOf(key);
    if (i >= 0) this.added.splice(i, 1);
    else if (this.pkg.has(key)) this.removed.add(key);
  }

  /** Changes whenever a part is added or removed. */
  get structure(): number {
    return this.partsChanged;
  }

  /** The names of the parts there are now. */
  names(): string[] {
    return [...this.pkg.entries.map((e) => e.name).filter((n) => !this.removed.has(n)), ...this.added];
  }

  /** Whether a part is changed from the original (or added, or removed). */
  touched(name: string): boolean {
    const key = this.key(name);
    return this.changed.has(key) || this.removed.has(key);
  }

  /** A name not used by any part: `xl/worksheets/sheet` + n + `.xml`. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  toBytes(): Uint8Array {
    if (!this.changed.size && !this.removed.size && !this.added.length) return new Uint8Array(this.pkg.bytes);
    const out: OutEntry[] = [];
    for (const entry of this.pkg.entries) {
      if (this.removed.has(entry.name)) continue;
      const text = this.changed.get(entry.name);
      out.push(text === undefined ? { kind: 'copy', entry } : { kind: 'data', name: entry.name, data: strToU8(text) });
    }
    for (const name of this.added) out.push({ kind: 'data', name, data: strToU8(this.changed.get(name)!) });
    return writeZip(this.pkg.bytes, out);
  }
}
