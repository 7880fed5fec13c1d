// Reads the integration tests' results file (JSON lines written by test/integration/index.ts
// in the extension host), prints each record as it arrives, and prints the closing summary.
import fs from 'node:fs';

export class ResultsReader {
  constructor(file) {
    this.file = file;
    this.offset = 0;
    this.pending = '';
    this.started = Date.now();
    this.start = undefined;
    this.end = undefined;
    this.tally = { passed: 0, failed: 0, skipped: 0 };
    this.failures = [];
  }

  /** Reads and prints whatever was appended since the last call. */
  poll() {
    if (!fs.existsSync(this.file)) return;
    const buf = fs.readFileSync(this.file);
    if (buf.length <= this.offset) return;
    this.pending += buf.subarray(this.offset).toString('utf8');
    this.offset = buf.length;
    const lines = this.pending.split('\n');
    this.pending = lines.pop();
    for (const line of lines) {
      if (!line.trim()) continue;
      let rec;
      try {
        rec = JSON.parse(line);
      } catch {
        rec = { type: 'error', message: `unreadable results line: ${line.slice(0, 200)}` };
      }
      this.handle(rec);
    }
  }

  handle(rec) {
    switch (rec.type) {
      case 'start':
        this.start = rec;
        console.log(
          `[harness] VS Code ${rec.vscodeVersion} (${rec.appName}, ${rec.uiKind} UI) started the tests after ` +
            `${((Date.now() - this.started) / 1000).toFixed(1)} s; files: ${rec.files.join(', ')}`,
        );
        break;
      case 'notice':
        console.log(`  notice: ${rec.message}`);
        break;
      case 'error':
        this.tally.failed++;
        this.failures.push({ fullTitle: '(test runner)', error: { message: rec.message } });
        console.log(`  ✗ test runner error: ${rec.message.split('\n')[0]}`);
        break;
      case 'test': {
        this.tally[rec.state]++;
        const mark = { passed: '✓', failed: '✗', skipped: '-' }[rec.state];
        const ms = rec.durationMs !== undefined ? ` (${rec.durationMs} ms)` : '';
        console.log(`  ${mark} ${rec.fullTitle}${rec.state === 'skipped' ? ' [skipped]' : ms}`);
        if (rec.state === 'failed') {
          this.failures.push(rec);
          console.log(indent(rec.error?.message ?? 'failed', 6));
        }
        break;
      }
      case 'end':
        this.end = rec;
        // Trust the runner's own count if it saw failures that were not recorded one by one.
        this.tally.failed = Math.max(this.tally.failed, rec.failed);
        break;
    }
  }
}

/**
 * Prints the failures, the VS Code version and the closing line `N passed, N failed, N skipped`
 * (a problem — timeout, crash, missing results — counts as one more failure). Returns the exit code.
 */
export function printSummary(reader, { problem, footer } = {}) {
  const { start, end, tally, failures } = reader;
  const total = tally.passed + tally.failed + tally.skipped;
  if (!problem && !start) problem = 'the tests never started (no results were written)';
  if (!problem && !end) problem = 'the results have no end record (the test run was cut short)';
  if (!problem && total === 0) problem = 'no test ran';
  console.log('');
  if (start) console.log(`VS Code version: ${start.vscodeVersion}`);
  for (const f of failures) {
    console.log(`FAILED: ${f.fullTitle}`);
    console.log(indent(f.error?.stack ?? f.error?.message ?? '', 4));
  }
  if (problem) console.log(`ERROR: ${problem}`);
  if (footer) console.log(footer);
  const failed = tally.failed + (problem ? 1 : 0);
  console.log(`${tally.passed} passed, ${failed} failed, ${tally.skipped} skipped`);
  return failed === 0 ? 0 : 1;
}

export function indent(text, n) {
  return String(text)
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}
