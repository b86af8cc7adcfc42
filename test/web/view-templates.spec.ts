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
});
