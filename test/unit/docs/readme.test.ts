// The README is the front door: its command and settings tables must match package.json, and
// the commands it tells people to run must exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { render } from '../../../scripts/readme-tables.mjs';

const root = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('README', () => {
  it('lists every command and setting as package.json contributes them (run node scripts/readme-tables.mjs --write)', () => {
    expect(render(readme, pkg)).toBe(readme);
  });

  it('shows the two commands, and every npm script it names exists', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
    for (const [, name] of readme.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(pkg.scripts)).toContain(name);
  });

  it('links only to files that exist', () => {
    for (const [, target] of readme.matchAll(/\]\(((?:docs|schemas|media|samples|test|src|scripts)\/[^)#\s]+)\)/g)) {
      expect(() => readFileSync(join(root, target))).not.toThrow();
    }
  });
});
