// What importing a sidecar would do to the one already on disk: the same judgement for the CLI
// (`news-lens import`) and the editor (Import Web Annotations…), so neither can lose work the
// other would have protected.
import { serializeSidecar } from '../core/annotations';
import type { Sidecar } from '../core/annotations/model';
import { readSidecar } from './sidecarFiles';

export interface ImportComparison {
  /** create: no sidecar yet; unchanged: the same bytes; differs: would replace other work; invalid: the file on disk does not load. */
  action: 'create' | 'unchanged' | 'differs' | 'invalid';
  /** For invalid: the load error; for differs: what would change. */
  detail?: string;
  /** For differs: annotations on disk that the imported file does not have. */
  lost?: number;
}

export function compareImport(sidecarFile: string, imported: Sidecar): ImportComparison {
  const current = readSidecar(sidecarFile);
  if (current.kind === 'invalid') return { action: 'invalid', detail: current.error.message };
  if (current.kind !== 'ok') return { action: 'create' };
  if (serializeSidecar(current.sidecar) === serializeSidecar(imported)) return { action: 'unchanged' };
  const ids = new Set(imported.annotations.map((a) => a.id));
  const lost = current.sidecar.annotations.filter((a) => !ids.has(a.id)).length;
  const detail = `${current.sidecar.annotations.length} annotations on disk, ${imported.annotations.length} in the file${lost ? `; ${lost} on disk are not in the file and would be lost` : ''}`;
  return { action: 'differs', detail, lost };
}
