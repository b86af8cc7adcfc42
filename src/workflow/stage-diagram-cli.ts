import { readFileSync, writeFileSync } from 'node:fs';
import { stageDiagram, withStageDiagram } from './core/stage-diagram.js';

// Prints the transition table's graph as a mermaid state diagram and, given a markdown file (by default
// docs/architecture.md), writes it there between the stage-diagram markers.
function main(): void {
  const file = process.argv[2] ?? 'docs/architecture.md';
  const diagram = stageDiagram();
  process.stdout.write(`${diagram}\n`);
  const before = readFileSync(file, 'utf8');
  const after = withStageDiagram(before, diagram);
  if (after !== before) writeFileSync(file, after);
  process.stderr.write(after === before ? `${file}: unchanged\n` : `${file}: diagram updated\n`);
}

main();
