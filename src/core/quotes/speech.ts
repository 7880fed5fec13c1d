// Verbs that introduce reported speech, shared by the quote and attribution extractors.

/** Verbs that credit words to a speaker: "said", "wrote", "emphasized", "stating". */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'stated', 'states', 'wrote', 'writes', 'declared',
  'declares', 'emphasized', 'emphasised', 'emphasizes', 'emphasises', 'stressed', 'stresses', 'noted', 'notes',
  'commented', 'comments', 'remarked', 'remarks', 'explained', 'explains', 'warned', 'warns', 'insisted', 'insists',
  'argued', 'argues', 'asserted', 'asserts', 'announced', 'announces', 'acknowledged', 'acknowledges', 'admitted',
  'admits', 'claimed', 'claims', 'continued', 'continues', 'replied', 'replies', 'responded', 'responds', 'answered',
  'asked', 'asks', 'urged', 'urges', 'cautioned', 'cautions', 'recalled', 'recalls', 'observed', 'observes', 'concluded',
  'predicted', 'predicts', 'tweeted', 'posted', 'echoed', 'vowed', 'vows', 'promised', 'pledged', 'conceded', 'confirmed',
  'confirms', 'revealed', 'reveals', 'disclosed', 'underscored', 'underlined', 'highlighted', 'suggested', 'suggests',
  'maintained', 'maintains', 'contended', 'contends', 'countered', 'quipped', 'joked', 'lamented', 'complained',
  'boasted', 'shouted', 'whispered', 'informed', 'assured', 'reiterated', 'reiterates', 'reported', 'reports', 'alleged',
  'speculated', 'summarized', 'summarised', 'testified', 'pointed', 'went', 'wrote', 'elaborated', 'exclaimed', 'mused',
  'stating', 'saying', 'adding', 'noting', 'writing', 'telling', 'declaring', 'warning', 'explaining', 'arguing',
  'insisting', 'commenting', 'emphasizing', 'emphasising', 'stressing', 'acknowledging', 'admitting', 'announcing',
  'asking', 'urging', 'continuing', 'concluding', 'remarking', 'observing', 'replying', 'responding', 'recalling',
  'tweeting', 'posting', 'vowing', 'promising', 'pledging', 'conceding', 'confirming', 'revealing', 'underscoring',
  'highlighting', 'suggesting', 'cautioning', 'reiterating', 'claiming', 'asserting',
]);

/** Words that may stand between a speaker and the verb: "Zelensky also said", "he has repeatedly warned". */
export const SPEECH_AUX = new Set([
  'also', 'later', 'then', 'again', 'further', 'previously', 'once', 'had', 'has', 'have', 'would', 'will', 'later',
  'earlier', 'recently', 'repeatedly', 'openly', 'publicly', 'privately', 'reportedly', 'simply', 'just', 'flatly',
  'firmly', 'bluntly', 'candidly', 'quickly', 'angrily', 'told', 'once', 'has', 'often', 'frequently', 'herself',
  'himself', 'already', 'even', 'separately', 'subsequently', 'personally', 'directly', 'immediately', 'now',
]);

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);
