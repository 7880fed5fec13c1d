// Short texts and annotations written for these tests (no article text from outside the project).
import { createAnnotation } from '../../../src/core/annotations/create';
import type { Annotation, Sidecar } from '../../../src/core/annotations/model';
import { emptySidecar } from '../../../src/core/annotations/sidecar';

export const TEXT =
  'The ministry said 1,200 workers lost their jobs in March, according to a union leader.\n' +
  '"We will not accept this," said Maria Costa, who leads the Harbour Workers Union in Porto.\n';

export const SHA = 'ab'.repeat(32);

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function at(needle: string, occurrence = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = TEXT.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`fixture text has no "${needle}"`);
  return { start: i, end: i + needle.length };
}

export function note(n: number, needle: string, body = '', now = '2024-03-01T10:00:00.000Z'): Annotation {
  return createAnnotation({ kind: 'note', text: TEXT, ...at(needle), author: 'Ann', now, id: id(n), body });
}

export function sampleSidecar(): Sidecar {
  const s = emptySidecar('articles/ministry.txt', SHA);
  s.status = 'in-review';
  s.annotations = [
    createAnnotation({ kind: 'claim', text: TEXT, ...at('1,200 workers'), author: 'Ann', now: '2024-03-01T10:00:00.000Z', id: id(1), verdict: 'needs-source', body: 'Which **ministry**?\n\nAsk the press office.', tags: ['jobs'], links: ['https://example.org/report'] }),
    note(2, 'a union leader', 'Vague source.'),
    createAnnotation({ kind: 'entity', text: TEXT, ...at('Harbour Workers Union'), author: 'Bo', now: '2024-03-02T09:30:00.000Z', id: id(3), type: 'organization', name: 'Harbour Workers Union of Porto' }),
    createAnnotation({ kind: 'entity', text: TEXT, ...at('March'), author: 'Bo', now: '2024-03-02T09:31:00.000Z', id: id(4), rejected: true }),
    createAnnotation({ kind: 'quote', text: TEXT, ...at('We will not accept this'), author: 'Bo', now: '2024-03-02T09:32:00.000Z', id: id(5), verdict: 'verified' }),
  ];
  return s;
}
