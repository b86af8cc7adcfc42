import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ViewEngine, viewsDir } from '../../src/web/render/view-engine.js';
import { VIEW_HELPERS } from '../../src/web/render/view-helpers.js';

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? templates(full) : name.endsWith('.hbs') ? [full] : [];
  });
}

describe('view templates', () => {
  // Handlebars calls a helper, not the field, when a bare mustache names both: `{{number}}` printed NaN instead of a
  // document's number. Fields that share a helper's name must be written `{{this.name}}`.
  it('never print a field through a helper of the same name', () => {
    const clashes: string[] = [];
    for (const file of templates(viewsDir())) {
      const text = readFileSync(file, 'utf8');
      for (const name of Object.keys(VIEW_HELPERS)) {
        if (new RegExp(`{{\\s*${name}\\s*}}`).test(text)) clashes.push(`${file}: {{${name}}}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('show a document number in the document list', () => {
    const html = new ViewEngine().render('lists/view', {
      documents: [{ id: 'd1', number: '12/DS-TGTX', title: 'Danh sách', pages: 3, jobState: null, renderedAt: null }],
    });
    expect(html).toContain('<td>12/DS-TGTX</td>');
    expect(html).not.toContain('NaN');
  });

  // A label names its field by id: a page holding several document forms gives each form ids of its own.
  function repeatedIds(html: string): string[] {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  }

  it('give every document form on a camp list page its own field ids', () => {
    const form = (kind: string, idPrefix: string) => ({
      kind,
      sourceType: 'list-snapshot',
      sourceId: 's1',
      back: '/lists/l1',
      idPrefix,
      showRecipients: true,
    });
    const html = new ViewEngine().render('lists/view', {
      list: { id: 'l1', entries: [] },
      notice: { procuracyName: 'Viện kiểm sát', number: '01/TB', notifiedOn: '2025-07-17' },
      doc: form('eligible-list', ''),
      moreDocs: [{ ...form('council-minutes', 'council-minutes-'), title: 'Biên bản họp Hội đồng' }],
      noticeDoc: form('procuracy-notice', 'procuracy-notice-'),
      documents: [],
    });
    expect(html).toContain('for="procuracy-notice-doc-number"');
    expect(html).toContain('id="council-minutes-doc-number"');
    expect(repeatedIds(html)).toEqual([]);
  });

  it('give each released person’s certificate form its own field ids', () => {
    const released = ['c1', 'c2'].map((id) => ({
      id,
      dossierId: `d-${id}`,
      fullName: id,
      releasedOn: '2025-09-01',
      documents: [],
      doc: { kind: 'certificate', sourceType: 'certificate', sourceId: id, back: '/releases', idPrefix: `c-${id}-` },
    }));
    const html = new ViewEngine().render('releases/index', { waiting: [], released });
    expect(html).toContain('<label for="c-c2-doc-number">');
    expect(repeatedIds(html)).toEqual([]);
  });
});
