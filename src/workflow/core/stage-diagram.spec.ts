import { readFileSync } from 'node:fs';
import { STAGE_DIAGRAM_BEGIN, STAGE_DIAGRAM_END, stageDiagram, withStageDiagram } from './stage-diagram.js';
import { Stage } from './stages.js';
import { TRANSITIONS } from './transition-table.js';

// From dist/src/workflow/core/ (where the compiled spec runs) up to the repository's root.
const ARCHITECTURE = new URL('../../../../docs/architecture.md', import.meta.url);

describe('the generated stage diagram', () => {
  it('is the one docs/architecture.md shows (run `npm run docs:stages` after changing the table)', () => {
    const doc = readFileSync(ARCHITECTURE, 'utf8');
    const shown = doc.slice(
      doc.indexOf(STAGE_DIAGRAM_BEGIN) + STAGE_DIAGRAM_BEGIN.length,
      doc.indexOf(STAGE_DIAGRAM_END),
    );
    expect(shown.trim()).toBe(stageDiagram());
    expect(withStageDiagram(doc)).toBe(doc);
  });

  it('draws every row of the table as an arrow labelled with its event', () => {
    const lines = stageDiagram().split('\n');
    for (const { from, to, event } of TRANSITIONS) {
      const arrow = lines.find((line) => line.startsWith(`  ${from} --> ${to}: `));
      expect(arrow?.split(': ')[1].split(', ')).toContain(event);
    }
    // One arrow per pair of stages: the table's rows for a pair with the same event (a camp's and a court's
    // complaint accepted at the appraisal team) are drawn once.
    const arrows = lines.filter((line) => / --> /.test(line) && !line.includes('[*]'));
    expect(new Set(arrows.map((line) => line.split(':')[0])).size).toBe(arrows.length);
    expect(arrows.length).toBeLessThan(TRANSITIONS.length);
  });

  it('labels every stage and marks where a dossier starts and the stages it never leaves', () => {
    const diagram = stageDiagram();
    expect(diagram).toContain('  application: Đơn đề nghị đặc xá');
    expect(diagram).toContain('  court_ineligible: Không đủ điều kiện (Tòa án)');
    expect(diagram).toContain('  [*] --> application');
    expect(diagram).toContain('  withdrawn --> [*]');
    expect(diagram).not.toContain('  released --> [*]');
    for (const stage of Object.values(Stage)) expect(diagram).toContain(`\n  ${stage}: `);
  });

  it('follows a change of the table, so a stale document fails the first test', () => {
    const fewer = TRANSITIONS.filter((t) => t.event !== 'court_reject');
    expect(stageDiagram(fewer)).not.toContain('court_review --> court_ineligible');
    expect(stageDiagram(fewer)).not.toBe(stageDiagram());
  });

  it('replaces only what lies between the markers and refuses a document without them', () => {
    const doc = `# Title\n${STAGE_DIAGRAM_BEGIN}\nold diagram\n${STAGE_DIAGRAM_END}\nafter\n`;
    expect(withStageDiagram(doc, 'NEW')).toBe(`# Title\n${STAGE_DIAGRAM_BEGIN}\nNEW\n${STAGE_DIAGRAM_END}\nafter\n`);
    expect(() => withStageDiagram('# Title\nno markers\n', 'NEW')).toThrow(/markers/);
  });
});
