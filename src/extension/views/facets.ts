// The filter choices each view offers besides free text.
import { VERDICTS } from '../../core/annotations/model';
import { TYPE_LABEL } from './model/format';
import type { SidebarView, SidebarViews } from './views';

export interface Facet {
  id: string;
  label: string;
}

export function facetsOf(v: SidebarView, views: SidebarViews): Facet[] {
  if (v === views.crossReferences) return (['person', 'place', 'organization'] as const).map((t) => ({ id: t, label: TYPE_LABEL[t] }));
  if (v === views.figures)
    return [
      { id: 'conflict', label: 'Conflicts' },
      { id: 'distinct', label: 'Stated vs expected' },
      { id: 'agree', label: 'Agreeing' },
    ];
  if (v === views.sources)
    return [
      { id: 'vague', label: 'Articles with vague attributions' },
      { id: 'single', label: 'Speakers quoted in one article only' },
    ];
  if (v === views.annotations) {
    const statuses = [...VERDICTS, 'unreviewed', 'open', 'resolved', 'rejected', 'accepted', 'corrected'];
    return [
      ...(['claim', 'note', 'entity', 'quote'] as const).map((k) => ({ id: `kind:${k}`, label: `Kind: ${k}` })),
      ...statuses.map((s) => ({ id: `status:${s}`, label: `Status: ${s}` })),
      ...views.annotations.model.tags().map((t) => ({ id: `tag:${t}`, label: `Label: ${t}` })),
    ];
  }
  return [];
}

export function facetLabel(v: SidebarView, views: SidebarViews, id: string): string {
  return facetsOf(v, views).find((f) => f.id === id)?.label ?? id;
}
