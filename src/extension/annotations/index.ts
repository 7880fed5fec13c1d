// The annotations feature: notes as comment threads, claim verdicts, entity corrections (per
// article and in the workspace lexicon), article review status, orphans. The sidecar store it
// works through is built in main.ts (services.sidecars), since other features read it too.
import type { Services } from '../services/contracts';
import { WorkspaceSidecarStore } from '../services/sidecarStore';
import { registerArticleCommands } from './articleCommands';
import { trackContextKeys } from './contextKeys';
import { correctEntities, registerCorrections } from './corrections';
import { EntityCorrections } from './entityCommands';
import { LexiconService } from './lexiconService';
import { registerNoteCommands } from './noteCommands';
import { NoteThreads } from './noteThreads';
import { shownMessages } from './notify';
import { registerVerdictCommands } from './verdictCommands';
import type * as vscode from 'vscode';
import type { Entity } from '../../core/types';

export function activateAnnotations(services: Services) {
  const store = services.sidecars;
  if (!(store instanceof WorkspaceSidecarStore)) throw new Error('annotations need the WorkspaceSidecarStore as services.sidecars');
  const lexicons = new LexiconService();
  const threads = new NoteThreads(store);
  services.context.subscriptions.push(lexicons, threads, ...registerCorrections(services, store, lexicons), ...trackContextKeys(services));
  registerNoteCommands(services, store, threads);
  registerVerdictCommands(services, store);
  new EntityCorrections(services, store, lexicons).register();
  registerArticleCommands(services, store, threads);
  // Test hooks (api.annotations).
  return {
    store,
    threads,
    lexicons,
    /** Every message shown to the reviewer by this feature, oldest first. */
    messages: shownMessages,
    /** The entities of `text` after the lexicon and the article's corrections (for the corpus index). */
    correctEntities: (article: vscode.Uri, text: string, entities: Entity[]) => correctEntities(store, lexicons, article, text, entities),
  };
}
