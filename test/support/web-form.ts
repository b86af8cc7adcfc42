// The fields a page's form would post as it stands: every named input with its value (ticked boxes and chosen radio
// buttons only; text areas and selects are left to the test).
export function formFields(html: string, formId: string): Record<string, string> {
  const form = new RegExp(`<form[^>]*id="${formId}"[\\s\\S]*?</form>`).exec(html)?.[0] ?? '';
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || (/type="(checkbox|radio)"/.test(tag) && !/ checked/.test(tag))) continue;
    fields[name] = /value="([^"]*)"/.exec(tag)?.[1] ?? 'on';
  }
  return fields;
}

// Row index of a dossier in a table whose rows post `<table>[i][dossierId]`.
export function rowIndex(fields: Record<string, string>, dossierId: string, table = 'rows'): number {
  const key = Object.keys(fields).find(
    (k) => k === `${table}[${/\d+/.exec(k)?.[0]}][dossierId]` && fields[k] === dossierId,
  );
  if (!key) throw new Error(`no row for ${dossierId}`);
  return Number(/\d+/.exec(key)![0]);
}
