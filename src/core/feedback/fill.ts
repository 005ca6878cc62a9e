/** Fills `{key}` placeholders of the product's own wording; an unknown key is left visible. */
export function fill(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([\w.]+)\}/g, (whole, key: string) => {
    const v = values[key];
    return v === undefined || v === null ? whole : String(v);
  });
}
