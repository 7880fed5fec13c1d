// The sidebar's view ids (package.json `contributes.views.newsLens`) and context keys.
export const ViewId = {
  Topics: 'newsLens.topics',
  CrossReferences: 'newsLens.crossReferences',
  Figures: 'newsLens.figures',
  Sources: 'newsLens.sources',
  Annotations: 'newsLens.annotations',
} as const;
export type ViewId = (typeof ViewId)[keyof typeof ViewId];

/** Set once the corpus is indexed: false shows the "no articles" welcome. */
export const HAS_ARTICLES_KEY = 'newsLens.hasArticles';
/** Whether the Cross-references view lists entities found in one article only. */
export const SHOW_SINGLE_KEY = 'newsLens.sidebar.showSingle';
export const FOLLOW_CURSOR_SETTING = 'sidebar.followCursor';
