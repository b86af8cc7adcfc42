import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { documentTemplatesDir } from './project-paths.js';
import { tinosFontFaceCss } from './tinos-font.js';

type Template = Handlebars.TemplateDelegate<Record<string, unknown>>;
type CompileOptions = Parameters<typeof Handlebars.compile>[1];

// "Số, ký hiệu" such as 1244/2025/QĐ-CTN must never break across lines (Decree 30/2020, Appendix I): a token holding
// a digit and a slash is kept whole.
const DOCUMENT_NUMBER_TOKEN = /[^\s]*\d[^\s]*\/[^\s]*/gu;

const DOCUMENT_HELPERS: Record<string, Handlebars.HelperDelegate> = {
  single: (list: unknown) => Array.isArray(list) && list.length === 1,
  nobreak: (text: unknown) => {
    const escaped = Handlebars.escapeExpression(String(text));
    return new Handlebars.SafeString(escaped.replace(DOCUMENT_NUMBER_TOKEN, '<span class="nowrap">$&</span>'));
  },
};

const COMPILE_OPTIONS: CompileOptions = { strict: true };

// Compiles the document templates in strict mode (a missing field throws instead of printing a blank), with the
// partials registered once on a private Handlebars environment so nothing leaks between callers.
export class DocumentTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Template>();
  private readonly css: string;

  constructor(private readonly dir: string = documentTemplatesDir()) {
    const partialsDir = join(dir, 'partials');
    // Registered compiled, with the options the templates are compiled with (which a partial registered as source is
    // compiled with when first used): Handlebars keeps a partial it compiled itself only for the one call, so source
    // partials were compiled again for every document: a quarter of the Node.js CPU of a one-page one.
    for (const file of readdirSync(partialsDir).filter((name) => name.endsWith('.hbs'))) {
      const source = readFileSync(join(partialsDir, file), 'utf8');
      this.handlebars.registerPartial(basename(file, '.hbs'), this.handlebars.compile(source, COMPILE_OPTIONS));
    }
    for (const [name, helper] of Object.entries(DOCUMENT_HELPERS)) this.handlebars.registerHelper(name, helper);
    this.css = tinosFontFaceCss() + '\n' + readFileSync(join(dir, 'css', 'print.css'), 'utf8');
  }

  // One self-contained HTML page with an empty <main>: fonts and print CSS inlined. A browser page loads it once and
  // then takes the body of chunk after chunk (see chunk-renderer.ts).
  shell(title: string): string {
    return (
      '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' +
      `<title>${Handlebars.escapeExpression(title)}</title><style>${this.css}</style></head>` +
      '<body><main></main></body></html>'
    );
  }

  // What goes inside <main>, from the named template.
  renderBody(template: string, context: Record<string, unknown>): string {
    return this.template(template)(context);
  }

  private template(name: string): Template {
    let template = this.compiled.get(name);
    if (!template) {
      const source = readFileSync(join(this.dir, `${name}.hbs`), 'utf8');
      template = this.handlebars.compile(source, COMPILE_OPTIONS);
      this.compiled.set(name, template);
    }
    return template;
  }
}
