// Claim review: "Mark as Verified / Disputed / False / Misleading / Needs Source /
// Unverifiable" on the claim under the cursor (or a selected passage the engine did not flag),
// with an optional note and source URL. The verdict is a `claim` annotation on the claim's span;
// marking again updates it. The editor's claim decorations and hovers read it from the store.
import * as vscode from 'vscode';
import { createAnnotation, updateAnnotation, VERDICTS, type Annotation, type Verdict } from '../../core/annotations';
import type { Span } from '../../core/types';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import type { WorkspaceSidecarStore } from '../services/sidecarStore';
import { currentAuthor } from './author';
import { change, newId, now } from './change';
import { notify } from './notify';
import { replaceAnnotation, short } from './noteCommands';
import { annotationOn, claimAt, editorSpot, type SpanArgs } from './targets';

export const VERDICT_LABELS: Record<Verdict, string> = {
  verified: 'Verified',
  disputed: 'Disputed',
  false: 'False',
  misleading: 'Misleading',
  'needs-source': 'Needs Source',
  unverifiable: 'Unverifiable',
};

export const VERDICT_COMMANDS: Record<Verdict, string> = {
  verified: CommandId.MarkVerified,
  disputed: CommandId.MarkDisputed,
  false: CommandId.MarkFalse,
  misleading: CommandId.MarkMisleading,
  'needs-source': CommandId.MarkNeedsSource,
  unverifiable: CommandId.MarkUnverifiable,
};

export interface VerdictArgs extends SpanArgs {
  /** The reviewer's note; undefined asks for one (unless prompt is false). */
  note?: string;
  /** A source URL; undefined asks for one (unless prompt is false). */
  link?: string;
  /** False: do not ask for a note or link (tests, scripted use). */
  prompt?: boolean;
}

const URL_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** The claim span to act on: the engine's claim, else a selection the reviewer made. */
async function claimSpot(services: Services, args?: VerdictArgs): Promise<{ uri: vscode.Uri; span: Span; existing?: Annotation } | string> {
  const spot = await editorSpot(args);
  if (typeof spot === 'string') return spot;
  const stored = annotationOn(services, spot.doc.uri, 'claim', spot.span);
  if (stored && !spot.explicit) return { uri: spot.doc.uri, span: { start: stored.start!, end: stored.end! }, existing: stored.annotation };
  const claim = spot.explicit && spot.span.start !== spot.span.end ? undefined : claimAt(services, spot);
  const span = claim ? { start: claim.start, end: claim.end } : spot.span;
  if (span.start === span.end) return 'put the cursor on a highlighted claim (a figure, date or amount), or select the passage to review';
  const existing = annotationOn(services, spot.doc.uri, 'claim', span);
  const same = existing && existing.start === span.start && existing.end === span.end ? existing.annotation : undefined;
  return { uri: spot.doc.uri, span, existing: same ?? existing?.annotation };
}

export async function markClaim(services: Services, store: WorkspaceSidecarStore, verdict: Verdict | null, args?: VerdictArgs): Promise<Annotation | undefined> {
  const label = verdict ? `Mark as ${VERDICT_LABELS[verdict]}` : 'Clear Verdict';
  const spot = await claimSpot(services, args);
  if (typeof spot === 'string') return void notify('info', `${label}: ${spot}.`);
  if (store.get(spot.uri).error) return void change(store, spot.uri, (s) => s); // shows the refusal
  if (!verdict && !spot.existing) return void notify('info', 'Clear Verdict: this claim has no verdict.');

  let note = args?.note;
  let link = args?.link;
  if (verdict && args?.prompt !== false) {
    if (note === undefined) {
      note = await vscode.window.showInputBox({
        title: `${label}: note (optional)`,
        prompt: 'Why? Markdown; leave empty for none. Escape cancels.',
        value: spot.existing?.body ?? '',
      });
      if (note === undefined) return undefined;
    }
    if (link === undefined) {
      link = await vscode.window.showInputBox({
        title: `${label}: source URL (optional)`,
        prompt: 'Where the check can be read; leave empty for none. Escape cancels.',
        validateInput: (v) => (!v.trim() || URL_RE.test(v.trim()) ? undefined : 'Enter a URL such as https://example.org/source'),
      });
      if (link === undefined) return undefined;
    }
  }
  link = link?.trim() || undefined;
  if (link && !URL_RE.test(link)) return void notify('warning', `${label}: "${link}" is not a URL.`);

  let result: Annotation | undefined;
  const ok = change(store, spot.uri, (s, ctx) => {
    const t = now();
    if (spot.existing) {
      const id = spot.existing.id;
      return replaceAnnotation(s, id, (a) => {
        const links = link && !a.links.includes(link) ? [...a.links, link] : a.links;
        result = updateAnnotation(a, { verdict, ...(note !== undefined ? { body: note } : {}), links }, t);
        return result;
      });
    }
    result = createAnnotation({
      kind: 'claim',
      text: ctx.text,
      start: spot.span.start,
      end: spot.span.end,
      verdict: verdict ?? undefined,
      body: note ?? '',
      links: link ? [link] : [],
      author: currentAuthor(spot.uri),
      now: t,
      id: newId(),
    });
    return { ...s, annotations: [...s.annotations, result] };
  });
  if (!ok) return undefined;
  vscode.window.setStatusBarMessage(`News Lens: "${short(result!.target.exact, 40)}" ${verdict ? `marked ${VERDICT_LABELS[verdict]}` : 'verdict cleared'}`, 4000);
  return result;
}

export function registerVerdictCommands(services: Services, store: WorkspaceSidecarStore): void {
  for (const v of VERDICTS) services.register(VERDICT_COMMANDS[v], (args?: VerdictArgs) => markClaim(services, store, v, args));
  services.register(CommandId.ClearVerdict, (args?: VerdictArgs) => markClaim(services, store, null, args));
  services.register(CommandId.ClaimActions, async (args?: VerdictArgs) => {
    const items = VERDICTS.map((v) => ({ label: VERDICT_LABELS[v], verdict: v as Verdict | null }));
    items.push({ label: 'Clear Verdict', verdict: null });
    const pick = await vscode.window.showQuickPick(items, { title: 'Review claim', placeHolder: 'Verdict for the claim under the cursor' });
    if (!pick) return undefined;
    return markClaim(services, store, pick.verdict, args);
  });
}
