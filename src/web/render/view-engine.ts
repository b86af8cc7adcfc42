import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findProjectRoot } from '../../documents/render/project-paths.js';
import { VIEW_HELPERS } from './view-helpers.js';

type Template = Handlebars.TemplateDelegate<Record<string, unknown>>;

export function viewsDir(root: string = findProjectRoot()): string {
  return join(root, 'templates', 'views');
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.hbs') ? [full] : [];
  });
}

// Pages are compiled once and cached; partials and helpers live on a private Handlebars environment. Unlike the
// documents, pages are not compiled strict: an absent optional value (no error on a field) is the normal case.
@Injectable()
export class ViewEngine {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Template>();

  constructor() {
    const dir = viewsDir();
    for (const [name, helper] of Object.entries(VIEW_HELPERS)) this.handlebars.registerHelper(name, helper);
    const partials = join(dir, 'partials');
    for (const file of walk(partials)) {
      const name = relative(partials, file)
        .replace(/\\/g, '/')
        .replace(/\.hbs$/, '');
      this.handlebars.registerPartial(name, readFileSync(file, 'utf8'));
    }
  }

  // A page is rendered into its layout: `layouts/main` unless the context names another.
  render(page: string, context: Record<string, unknown>, layout = 'main'): string {
    const body = this.template(`pages/${page}`)(context);
    return this.template(`layouts/${layout}`)({ ...context, body });
  }

  private template(name: string): Template {
    let template = this.compiled.get(name);
    if (!template) {
      template = this.handlebars.compile(readFileSync(join(viewsDir(), `${name}.hbs`), 'utf8'));
      this.compiled.set(name, template);
    }
    return template;
  }
}
