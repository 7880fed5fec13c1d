// Entity corrections: Accept, Reject ("not an entity"), Change Type, Add Entity (on a selection),
// Set Canonical Name — for this article (an `entity` annotation in its sidecar) or for every
// article (the workspace lexicon). Keyboard-first: Entity Actions (one keybinding) offers what
// fits the item under the cursor. Highlights change at once: the corrections are an analysis
// transform (corrections.ts), refreshed after every change.
import * as vscode from 'vscode';
import {
  addLexiconAlias,
  addLexiconEntity,
  createAnnotation,
  rejectLexiconName,
  updateAnnotation,
  type Annotation,
  type AnnotationPatch,
} from '../../core/annotations';
import type { Entity, EntityType, Span } from '../../core/types';
import { CommandId } from '../commandIds';
import type { Services } from '../services/contracts';
import type { WorkspaceSidecarStore } from '../services/sidecarStore';
import { currentAuthor } from './author';
import { change, newId, now } from './change';
import type { LexiconService } from './lexiconService';
import { deleteWithUndo, replaceAnnotation, short } from './noteCommands';
import { notify } from './notify';
import { annotationOn, editorSpot, entityAt, type EditorSpot, type SpanArgs } from './targets';

export type Scope = 'article' | 'workspace';

export interface EntityArgs extends SpanArgs {
  type?: EntityType;
  name?: string;
  /** 'workspace': write the workspace lexicon ("Apply to all articles"). Default 'article'. */
  scope?: Scope;
}

type Action = 'accept' | 'reject' | 'changeType' | 'add' | 'canonical';

const TYPES: { label: string; type: EntityType }[] = [
  { label: '$(person) Person', type: 'person' },
  { label: '$(globe) Place', type: 'place' },
  { label: '$(organization) Organization', type: 'organization' },
];

const ACTION_TITLES: Record<Action, string> = {
  accept: 'Accept Entity',
  reject: 'Reject Entity',
  changeType: 'Change Entity Type',
  add: 'Add Entity',
  canonical: 'Set Canonical Name',
};

export class EntityCorrections {
  constructor(
    private readonly services: Services,
    private readonly store: WorkspaceSidecarStore,
    private readonly lexicons: LexiconService,
  ) {}

  register(): void {
    const r = this.services.register;
    r(CommandId.AcceptEntity, (a?: EntityArgs) => this.run('accept', a));
    r(CommandId.RejectEntity, (a?: EntityArgs) => this.run('reject', a));
    r(CommandId.ChangeEntityType, (a?: EntityArgs) => this.run('changeType', a));
    r(CommandId.AddEntity, (a?: EntityArgs) => this.run('add', a));
    r(CommandId.SetCanonicalName, (a?: EntityArgs) => this.run('canonical', a));
    r(CommandId.EntityActions, (a?: SpanArgs) => this.pick(a));
  }

  /** Runs one correction; resolves to true when something changed. */
  async run(action: Action, args?: EntityArgs): Promise<boolean> {
    const title = ACTION_TITLES[action];
    const spot = await editorSpot(args);
    if (typeof spot === 'string') return this.no(`${title}: ${spot}.`);
    const target = this.target(action, spot);
    if (typeof target === 'string') return this.no(`${title}: ${target}.`);
    const { span, entity } = target;
    const text = spot.doc.getText().slice(span.start, span.end);
    const scope: Scope = args?.scope ?? 'article';

    let type = args?.type;
    if ((action === 'changeType' || action === 'add') && !type) {
      const pick = await vscode.window.showQuickPick(
        TYPES.filter((t) => t.type !== entity?.type || action === 'add'),
        { title: `${title}: "${short(text, 40)}"`, placeHolder: 'Type' },
      );
      if (!pick) return false;
      type = pick.type;
    }
    let name = args?.name;
    if (action === 'canonical' && name === undefined) {
      name = await vscode.window.showInputBox({
        title: `${title}: "${short(text, 40)}"`,
        prompt: 'The full name this mention stands for',
        value: entity?.canonical ?? text,
        validateInput: (v) => (v.trim() ? undefined : 'The name cannot be empty'),
      });
      if (name === undefined) return false;
    }
    name = name?.trim();
    if (action === 'canonical' && !name) return this.no(`${title}: the name cannot be empty.`);

    const done = scope === 'workspace' ? await this.inLexicon(action, spot.doc.uri, text, type ?? entity?.type, name) : this.inArticle(action, spot, span, type, name);
    if (done) {
      this.services.analyses.refreshAll();
      vscode.window.setStatusBarMessage(`News Lens: ${title.toLowerCase()} "${short(text, 40)}"${scope === 'workspace' ? ' in all articles' : ''}`, 4000);
    }
    return done;
  }

  private no(message: string): false {
    void notify('info', message);
    return false;
  }

  /** The span a correction applies to: the entity under the cursor, or (Add Entity) the selection. */
  private target(action: Action, spot: EditorSpot): { span: Span; entity?: Entity } | string {
    const entity = entityAt(this.services, spot);
    if (action === 'add') {
      if (spot.span.start === spot.span.end) return entity ? { span: entity, entity } : 'select the name to add first';
      return { span: spot.span, entity: entity && entity.start === spot.span.start && entity.end === spot.span.end ? entity : undefined };
    }
    if (spot.explicit && spot.span.start !== spot.span.end) {
      return { span: spot.span, entity: entity && entity.start === spot.span.start && entity.end === spot.span.end ? entity : undefined };
    }
    if (!entity) return 'put the cursor on a highlighted name (person, place or organization)';
    return { span: entity, entity };
  }

  private inArticle(action: Action, spot: EditorSpot, span: Span, type?: EntityType, name?: string): boolean {
    const patch: AnnotationPatch =
      action === 'accept'
        ? { accepted: true, rejected: null }
        : action === 'reject'
          ? { rejected: true, accepted: null, type: null, name: null }
          : action === 'canonical'
            ? { name, rejected: null }
            : { type, rejected: null };
    const uri = spot.doc.uri;
    const stored = annotationOn(this.services, uri, 'entity', span);
    const same = stored && stored.start === span.start && stored.end === span.end ? stored.annotation : undefined;
    const ok = change(this.store, uri, (s, ctx) => {
      const t = now();
      if (same) return replaceAnnotation(s, same.id, (a) => updateAnnotation(a, patch, t));
      const created: Annotation = createAnnotation({
        kind: 'entity',
        text: ctx.text,
        start: span.start,
        end: span.end,
        author: currentAuthor(uri),
        now: t,
        id: newId(),
        type: patch.type ?? undefined,
        name: patch.name ?? undefined,
        rejected: patch.rejected ?? undefined,
        accepted: patch.accepted ?? undefined,
      });
      return { ...s, annotations: [...s.annotations, created] };
    });
    return !!ok;
  }

  private inLexicon(action: Action, article: vscode.Uri, text: string, type?: EntityType, name?: string): Promise<boolean> {
    const norm = text.replace(/\s+/g, ' ').trim();
    return this.lexicons.update(article, (l) => {
      switch (action) {
        case 'reject':
          return rejectLexiconName(l, norm);
        case 'canonical': {
          if (!type) throw new Error('no type');
          const withName = l.entities.some((e) => e.name === name) ? l : addLexiconEntity(l, { name: name!, type });
          return name === norm ? addLexiconEntity(withName, { name: norm, type }) : addLexiconAlias(withName, norm, name!);
        }
        default:
          if (!type) throw new Error('no type');
          return addLexiconEntity(l, { name: norm, type });
      }
    });
  }

  /** The quick pick of what fits the item under the cursor. */
  private async pick(args?: SpanArgs): Promise<boolean> {
    const spot = await editorSpot(args);
    if (typeof spot === 'string') return this.no(`Entity Actions: ${spot}.`);
    const entity = entityAt(this.services, spot);
    const selected = spot.span.start !== spot.span.end && !(entity && entity.start === spot.span.start && entity.end === spot.span.end);
    const correction = annotationOn(this.services, spot.doc.uri, 'entity', entity ?? spot.span);
    type Item = vscode.QuickPickItem & { run?: () => Promise<boolean> };
    const items: Item[] = [];
    const act = (label: string, action: Action, scope: Scope, detail?: string): Item => ({
      label,
      detail,
      run: () => this.run(action, { uri: spot.doc.uri, start: (entity ?? spot.span).start, end: (entity ?? spot.span).end, scope }),
    });
    if (selected) {
      const text = short(spot.doc.getText().slice(spot.span.start, spot.span.end), 40);
      items.push(act(`$(add) Add "${text}" as an Entity…`, 'add', 'article'));
      items.push(act(`$(add) Add "${text}" as an Entity in All Articles…`, 'add', 'workspace', 'Writes the workspace lexicon (.newslens/lexicon.json)'));
    }
    if (entity) {
      const what = `"${short(entity.text, 40)}" (${entity.type})`;
      items.push({ label: what, kind: vscode.QuickPickItemKind.Separator });
      items.push(act('$(check) Accept', 'accept', 'article'));
      items.push(act('$(close) Reject: Not an Entity', 'reject', 'article'));
      items.push(act('$(symbol-enum) Change Type…', 'changeType', 'article'));
      items.push(act('$(tag) Set Canonical Name…', 'canonical', 'article'));
      items.push({ label: 'All articles (workspace lexicon)', kind: vscode.QuickPickItemKind.Separator });
      items.push(act('$(check-all) Accept in All Articles', 'accept', 'workspace'));
      items.push(act('$(close-all) Reject in All Articles', 'reject', 'workspace'));
      items.push(act('$(symbol-enum) Change Type in All Articles…', 'changeType', 'workspace'));
      items.push(act('$(tag) Set Canonical Name in All Articles…', 'canonical', 'workspace'));
    }
    if (correction) {
      const id = correction.annotation.id;
      items.push({ label: 'This article', kind: vscode.QuickPickItemKind.Separator });
      items.push({
        label: '$(discard) Remove Correction',
        detail: 'Deletes the correction stored for this name in this article',
        run: async () => {
          const ok = !!deleteWithUndo(this.store, { article: spot.doc.uri, id }, 'Correction removed');
          if (ok) this.services.analyses.refreshAll();
          return ok;
        },
      });
    }
    if (!items.some((i) => i.run)) return this.no('Entity Actions: put the cursor on a highlighted name, or select a name to add.');
    const pick = await vscode.window.showQuickPick(items, { title: 'Entity Actions', placeHolder: 'Correct the entity under the cursor' });
    return pick?.run ? pick.run() : false;
  }
}
