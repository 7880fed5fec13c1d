// Every command id the extension contributes, in one place: package.json and the handlers
// must agree with this list (an integration test checks both directions).
export const CommandId = {
  ShowStatistics: 'newsLens.showStatistics',
  OpenSamples: 'newsLens.openSamples',
  // Sidebar (src/extension/views)
  SidebarRefresh: 'newsLens.sidebar.refresh',
  SidebarShowMore: 'newsLens.sidebar.showMore',
  SidebarShowSingle: 'newsLens.sidebar.showSingleArticleEntities',
  SidebarHideSingle: 'newsLens.sidebar.hideSingleArticleEntities',
  SidebarFilterTopics: 'newsLens.sidebar.filterTopics',
  SidebarFilterCrossReferences: 'newsLens.sidebar.filterCrossReferences',
  SidebarFilterFigures: 'newsLens.sidebar.filterFigures',
  SidebarFilterSources: 'newsLens.sidebar.filterSources',
  SidebarFilterAnnotations: 'newsLens.sidebar.filterAnnotations',
  SidebarSortTopics: 'newsLens.sidebar.sortTopics',
  SidebarSortCrossReferences: 'newsLens.sidebar.sortCrossReferences',
  SidebarSortFigures: 'newsLens.sidebar.sortFigures',
  SidebarSortSources: 'newsLens.sidebar.sortSources',
  SidebarSortAnnotations: 'newsLens.sidebar.sortAnnotations',
  GoToMention: 'newsLens.goToMention',
  ShowAllMentions: 'newsLens.showAllMentions',
  CopyName: 'newsLens.copyName',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];
