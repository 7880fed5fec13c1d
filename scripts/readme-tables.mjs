#!/usr/bin/env node
// The README's command and settings tables, generated from package.json so they cannot drift:
//   node scripts/readme-tables.mjs          prints them
//   node scripts/readme-tables.mjs --write  rewrites them in README.md between the markers
// test/unit/docs/readme.test.ts fails when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
// "ctrl+alt+n shift+c" → `Ctrl+Alt+N` `Shift+C`, as VS Code's keyboard shortcuts editor writes them.
const key = (k) =>
  k ? k.split(' ').map((chord) => '`' + chord.split('+').map((p) => p[0].toUpperCase() + p.slice(1)).join('+') + '`').join(' ') : '';

export function tables(pkg) {
  const c = pkg.contributes;
  const hidden = new Set((c.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const keys = new Map((c.keybindings ?? []).map((k) => [k.command, k.key]));
  const commands = [
    '| Command | Keys | Id |',
    '| --- | --- | --- |',
    ...c.commands
      .filter((x) => !hidden.has(x.command))
      .map((x) => `| ${cell(`${x.category ? x.category + ': ' : ''}${x.title}`)} | ${key(keys.get(x.command))} | \`${x.command}\` |`),
  ].join('\n');
  const settings = [
    '| Setting | Default | Meaning |',
    '| --- | --- | --- |',
    ...Object.entries(c.configuration.properties).map(
      ([k, v]) => `| \`${k}\` | \`${cell(JSON.stringify(v.default))}\` | ${cell(v.markdownDescription ?? v.description ?? '')} |`,
    ),
  ].join('\n');
  return { commands, settings };
}

export function render(readme, pkg) {
  const t = tables(pkg);
  let out = readme;
  for (const [name, body] of Object.entries(t)) {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
    out = out.replace(re, (_m, a, b) => `${a}\n${body}\n${b}`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const readmePath = join(root, 'README.md');
  if (process.argv.includes('--write')) writeFileSync(readmePath, render(readFileSync(readmePath, 'utf8'), pkg));
  else {
    const t = tables(pkg);
    console.log(t.commands + '\n\n' + t.settings);
  }
}
