/** Fills `{key}` placeholders of the drafts' wording (Chinese keys too); an unknown key is left visible. */
export function fill(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    const v = values[key];
    return v === undefined || v === null ? whole : String(v);
  });
}
