// Named entities (people, places, organizations), names only: a learned BIO tagger (averaged
// perceptron over word, shape, context and gazetteer features, Viterbi-decoded) and rules
// for what news style does around names (titles, possessives, nationality adjectives,
// datelines, short forms of names already given in full).
import type { Entity } from '../types';
import type { TextContext } from '../text/context';
import { prepareDoc } from './features';
import { decodeModel, fromBase64, type NerModel } from './model';
import { BloomLexicon, type WordSet } from './lexicon';
import { modelScorer, tagDoc, type Scorer } from './tagger';
import { LEXICON, WEIGHTS } from './weights';
import { postProcess } from './rules';

let loaded: { model: NerModel; scorer: Scorer; lexicon: WordSet } | undefined;

/** The model is unpacked on first use, not at import, so activation stays fast. */
function engine() {
  if (!loaded) {
    const model = decodeModel(WEIGHTS);
    loaded = { model, scorer: modelScorer(model), lexicon: new BloomLexicon(fromBase64(LEXICON)) };
  }
  return loaded;
}

/** People, places and organizations, names only. */
export function extractEntities(ctx: TextContext): Entity[] {
  if (!ctx.tokens.length) return [];
  const { model, scorer, lexicon } = engine();
  const doc = prepareDoc(ctx, lexicon);
  const tags = tagDoc(doc, model.trans, scorer);
  return postProcess(doc, tags);
}
