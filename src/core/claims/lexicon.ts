// Word lists for the claim extractor. Everything is lower-case; lookups are Set/Map hits on the
// lower-cased token, so the extractor never runs a general-purpose NLP library over the text.

export const SMALL_NUMBERS = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS = new Map<string, number>([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Multipliers after a number: "1.5 billion", "120 mln", "$5bn". */
export const SCALES = new Map<string, number>([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['millions', 1e6], ['mln', 1e6], ['mn', 1e6], ['mio', 1e6],
  ['billion', 1e9], ['bln', 1e9], ['bn', 1e9], ['trillion', 1e12], ['tln', 1e12], ['tn', 1e12], ['trn', 1e12],
]);

/** Scale suffixes glued to digits ("5bn", "3m", "10k"). */
export const GLUED_SCALES = new Map<string, number>([
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['b', 1e9], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
]);

export const FRACTIONS = new Map<string, number>([
  ['half', 0.5], ['halves', 0.5], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 0.25], ['quarters', 0.25],
  ['fifth', 0.2], ['fifths', 0.2], ['tenth', 0.1], ['tenths', 0.1],
]);

export const ORDINALS = new Map<string, number>([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20],
  ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50], ['sixtieth', 60], ['seventieth', 70], ['eightieth', 80],
  ['ninetieth', 90], ['hundredth', 100], ['thousandth', 1000], ['millionth', 1e6],
]);

/** Vague magnitudes: "thousands of civilians", "dozens of homes". */
export const VAGUE_MAGNITUDES = new Map<string, number>([
  ['dozens', 12], ['scores', 20], ['hundreds', 100], ['thousands', 1e3], ['millions', 1e6], ['billions', 1e9],
]);

export const MONTHS = new Map<string, number>([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Month names that are also ordinary words: a month only next to a day, a year or a date preposition. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mar', 'jun', 'jan', 'dec', 'sept', 'sep', 'aug', 'oct', 'nov', 'apr', 'jul', 'feb']);

/** Words before a bare month or year that make it a date: "in August", "since 2014". */
export const DATE_PREPOSITIONS = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'through', 'throughout', 'during', 'before', 'after', 'early', 'late',
  'mid', 'last', 'next', 'this', 'of', 'between', 'and', 'to', 'around', 'circa', 'as', 'end', 'beginning', 'spring',
  'summer', 'autumn', 'fall', 'winter', 'year', 'fiscal', 'the', 'on', 'into', 'past',
]);

export const WEEKDAYS = new Map<string, number>([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** The hedges, longest first so "no more than" wins over "more than". Each is a token sequence. */
export const HEDGES: string[][] = [
  'no more than', 'no fewer than', 'no less than', 'not more than', 'not less than', 'as many as', 'as much as',
  'as few as', 'as little as', 'as high as', 'as low as', 'in excess of', 'upwards of', 'a maximum of', 'a minimum of',
  'at least', 'at most', 'more than', 'less than', 'fewer than', 'greater than', 'up to', 'close to', 'just over',
  'just under', 'well over', 'well under', 'an estimated', 'approximately', 'approx.', 'approx', 'about', 'around',
  'roughly', 'nearly', 'almost', 'some', 'over', 'under', 'estimated', 'circa', 'below', 'above', 'exceeding', 'nearing',
].map((h) => h.split(' '));
export const HEDGE_LAST_WORDS = new Set(HEDGES.map((h) => h[h.length - 1]));

/** Hedges written after the figure: "10,000 or more". */
export const POST_HEDGES: string[][] = ['or more', 'or so', 'or less', 'or fewer', 'and more', 'plus'].map((h) => h.split(' '));

export const CURRENCY_SYMBOLS = new Map<string, string>([
  ['$', 'dollars'], ['€', 'euros'], ['£', 'pounds'], ['¥', 'yen'], ['₹', 'rupees'], ['₽', 'roubles'], ['₴', 'hryvnias'],
  ['₩', 'won'], ['₪', 'shekels'], ['₺', 'liras'], ['₦', 'naira'], ['₱', 'pesos'], ['฿', 'baht'],
]);

/** Currency codes written before or after the figure: "USD 5 million", "5 million EUR". */
export const CURRENCY_CODES = new Set([
  'usd', 'eur', 'gbp', 'jpy', 'chf', 'cny', 'rmb', 'rub', 'uah', 'inr', 'cad', 'aud', 'hkd', 'krw', 'brl', 'mxn', 'sek',
  'nok', 'dkk', 'zar', 'try', 'pln', 'sgd', 'nzd', 'ils', 'sar', 'aed',
]);

/** Money nouns after the figure; the unit is the noun as it stands ("dlrs", "stg", "yen"). */
export const CURRENCY_WORDS = new Set([
  'dollar', 'dollars', 'dlr', 'dlrs', 'cent', 'cents', 'ct', 'cts', 'euro', 'euros', 'pound', 'pounds', 'stg', 'sterling',
  'pence', 'p', 'yen', 'yuan', 'renminbi', 'rupee', 'rupees', 'rouble', 'roubles', 'ruble', 'rubles', 'hryvnia', 'hryvnias',
  'hryvnas', 'franc', 'francs', 'mark', 'marks', 'lira', 'lire', 'liras', 'peso', 'pesos', 'won', 'riyal', 'riyals',
  'dinar', 'dinars', 'dirham', 'dirhams', 'guilder', 'guilders', 'crown', 'crowns', 'krona', 'kronor', 'krone', 'kroner',
  'shekel', 'shekels', 'rand', 'ringgit', 'baht', 'real', 'reais', 'naira', 'cedi', 'cedis', 'shilling', 'shillings',
  'schilling', 'schillings', 'peseta', 'pesetas', 'escudo', 'escudos', 'drachma', 'drachmas', 'zloty', 'zlotys',
  'forint', 'forints', 'cruzado', 'cruzados', 'cruzeiro', 'cruzeiros', 'austral', 'australs', 'rupiah', 'taka', 'kwacha',
  'bolivar', 'bolivars', 'dong', 'kip', 'lei', 'leu', 'lev', 'leva', 'tenge', 'sol', 'soles', 'quetzal', 'quetzales',
  'usd', 'eur', 'gbp', 'jpy', 'chf', 'cny', 'rub', 'uah',
]);
/** Money nouns that are also ordinary words: money only right after the figure or a scale word. */
export const AMBIGUOUS_CURRENCY = new Set(['mark', 'marks', 'crown', 'crowns', 'real', 'won', 'sol', 'dong', 'p', 'pound', 'pounds', 'lei', 'rand', 'ct']);
/** Adjectives that may sit between the figure and the money noun: "5 mln U.S. dlrs", "2 billion Swiss francs". */
export const CURRENCY_QUALIFIERS = new Set([
  'u.s.', 'us', 'n.z.', 'american', 'canadian', 'australian', 'new', 'zealand', 'hong', 'kong', 'singapore', 'taiwan', 'swiss',
  'french', 'belgian', 'west', 'german', 'deutsche', 'dutch', 'japanese', 'hk', 'mexican', 'brazilian', 'argentine',
  'indian', 'saudi', 'south', 'african', 'norwegian', 'swedish', 'danish', 'irish', 'italian', 'spanish', 'austrian',
  'finnish', 'ukrainian', 'russian', 'chinese', 'korean', 'turkish', 'egyptian', 'kuwaiti', 'philippine', 'malaysian',
]);

export const PERCENT_WORDS = new Set(['pct', 'percent', 'per-cent', 'percentage', '%', 'pc']);

export const TIME_UNITS = new Map<string, string>([
  ['second', 'seconds'], ['seconds', 'seconds'], ['secs', 'seconds'], ['minute', 'minutes'], ['minutes', 'minutes'],
  ['mins', 'minutes'], ['min', 'minutes'], ['hour', 'hours'], ['hours', 'hours'], ['hrs', 'hours'], ['hr', 'hours'],
  ['day', 'days'], ['days', 'days'], ['night', 'nights'], ['nights', 'nights'], ['week', 'weeks'], ['weeks', 'weeks'],
  ['wks', 'weeks'], ['fortnight', 'fortnights'], ['fortnights', 'fortnights'], ['month', 'months'], ['months', 'months'],
  ['mths', 'months'], ['mth', 'months'], ['mos', 'months'], ['year', 'years'], ['years', 'years'], ['yrs', 'years'],
  ['yr', 'years'], ['decade', 'decades'], ['decades', 'decades'], ['century', 'centuries'], ['centuries', 'centuries'],
  ['millennia', 'millennia'], ['millennium', 'millennia'],
]);

/** Units of measure; the claim's unit is the word as it stands (with "square", "metric"… before it). */
export const MEASURE_UNITS = new Set([
  'kilometer', 'kilometers', 'kilometre', 'kilometres', 'km', 'kms', 'km2', 'mile', 'miles', 'meter', 'meters', 'metre',
  'metres', 'm2', 'centimeter', 'centimeters', 'centimetre', 'centimetres', 'cm', 'millimeter', 'millimeters',
  'millimetre', 'millimetres', 'mm', 'foot', 'feet', 'ft', 'inch', 'inches', 'yard', 'yards', 'hectare', 'hectares',
  'ha', 'acre', 'acres', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kg', 'kgs', 'kilo', 'kilos', 'gram',
  'grams', 'gramme', 'grammes', 'g', 'tonne', 'tonnes', 'ton', 'tons', 'lb', 'lbs', 'ounce', 'ounces', 'oz', 'barrel',
  'barrels', 'bbl', 'bpd', 'b/d', 'bushel', 'bushels', 'bu', 'bale', 'bales', 'bag', 'bags', 'liter', 'liters', 'litre',
  'litres', 'gallon', 'gallons', 'cubic', 'megawatt', 'megawatts', 'mw', 'gigawatt', 'gigawatts', 'gw', 'kilowatt',
  'kilowatts', 'kw', 'kwh', 'mwh', 'gwh', 'twh', 'watt', 'watts', 'volt', 'volts', 'degree', 'degrees', 'knot', 'knots',
  'mph', 'kph', 'km/h', 'times', 'point', 'points', 'calories', 'megatons', 'kilotons', 'megatonnes', 'nautical', 'mcf',
  'bcf', 'tcf', 'cubic', 'carats', 'troy', 'sq',
]);
/** Words before a unit that belong to it: "square kilometers", "metric tons", "percentage points". */
export const UNIT_MODIFIERS = new Set(['square', 'sq', 'cubic', 'metric', 'short', 'long', 'nautical', 'percentage', 'basis', 'troy', 'light', 'fine']);

/** Singular nouns for people: "one soldier" is a claim, "one conclusion" is not. */
export const PERSON_NOUNS = new Set([
  'person', 'people', 'civilian', 'soldier', 'child', 'man', 'woman', 'girl', 'boy', 'officer', 'journalist', 'resident',
  'worker', 'member', 'official', 'policeman', 'student', 'patient', 'victim', 'passenger', 'citizen', 'fighter', 'troop',
  'individual', 'employee', 'prisoner', 'hostage', 'migrant', 'refugee', 'teenager', 'infant', 'baby', 'pilot',
  'firefighter', 'doctor', 'nurse', 'volunteer', 'militant', 'protester', 'demonstrator', 'suspect', 'crew',
]);

/** Counted nouns that stand for people in general; their unit is "people". */
export const GENERIC_PEOPLE = new Set(['individuals', 'persons', 'people', 'others', 'person', 'individual']);

export const IRREGULAR_PLURALS = new Set([
  'people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'cattle', 'sheep', 'fish', 'deer', 'aircraft',
  'livestock', 'crew', 'feet', 'teeth', 'mice', 'geese', 'media', 'data', 'militia', 'infantry', 'offspring', 'swine',
  'poultry', 'hectares', 'spacecraft', 'watercraft', 'hovercraft', 'dead', 'wounded', 'injured',
]);

/** Words ending in s that are not plural nouns. */
export const NOT_PLURAL = new Set([
  'always', 'perhaps', 'towards', 'afterwards', 'besides', 'nevertheless', 'whereas', 'sometimes', 'its', 'his', 'hers',
  'ours', 'yours', 'theirs', 'thus', 'plus', 'minus', 'bonus', 'campus', 'status', 'news', 'less', 'unless', 'various',
  'previous', 'serious', 'numerous', 'enormous', 'famous', 'dangerous', 'this', 'was', 'has', 'does', 'is', 'as', 'us',
  'across', 'upwards', 'downwards', 'backwards', 'forwards', 'overseas', 'whereabouts', 'series', 'species', 'means',
  'alias', 'atlas', 'bias', 'gas', 'chaos', 'ethos', 'lens', 'analysis', 'crisis', 'basis', 'thesis', 'emphasis',
  'diagnosis', 'axis', 'canvas', 'nexus', 'virus', 'census', 'consensus', 'focus', 'stimulus', 'surplus', 'corpus',
  'apparatus', 'onus', 'tennis', 'physics', 'politics', 'economics', 'mathematics', 'ethics', 'logistics', 'statistics',
  'aerospace', 'whilst', 'amidst', 'amongst', 'regardless', 'nonetheless', 'doubtless', 'countless', 'wireless',
  'unanimous', 'continuous', 'vs', 'cross', 'loss', 'process', 'access', 'success', 'address', 'progress', 'congress',
  'express', 'business', 'witness', 'press', 'stress',
]);

/** Words that end the noun phrase after a figure ("20 homes sustained…" stops at the head, these before it). */
export const STOP_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without',
  'into', 'onto', 'over', 'under', 'and', 'or', 'but', 'nor', 'as', 'than', 'per', 'vs', 'versus', 'against', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may',
  'might', 'must', 'shall', 'should', 'who', 'which', 'whom', 'whose', 'where', 'when', 'while', 'if', 'so', 'because',
  'according', 'including', 'more', 'less', 'most', 'least', 'already', 'also', 'still', 'just', 'only', 'even', 'ago',
  'later', 'earlier', 'before', 'after', 'each', 'it', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'they', 'he',
  'she', 'we', 'you', 'i', 'there', 'here', 'not', 'no', 'all', 'both', 'either', 'neither', 'up', 'down', 'out', 'off',
  'about', 'around', 'through', 'during', 'since', 'until', 'till', 'among', 'between', 'within', 'near', 'across', 'via',
  'then', 'now', 'yet', 'ago', 'away', 'back', 'again', 'too', 'very', 'said', 'says', 'say', 'told', 'what', 'how',
  'why', 'whether', 'toward', 'towards', 'amid', 'amidst', 'despite', 'like', 'unlike', 'along', 'behind', 'beyond',
  'above', 'below', 'inside', 'outside', 'upon', 'whereas', 'although', 'though', 'unless', 'whom', 'or', 'respectively',
  'vs.', 'mln', 'billion', 'million', 'pct', 'last', 'next', 'previous', 'past', 'coming', 'following', 'first',
]);

/** Verbs that tell what happened to counted people; they go into the claim's subject ("people killed"). */
export const CASUALTY_VERBS = new Map<string, string>([
  ['killed', 'killed'], ['killing', 'killed'], ['kill', 'killed'], ['kills', 'killed'], ['dead', 'killed'],
  ['died', 'killed'], ['deaths', 'killed'], ['death', 'killed'], ['wounded', 'wounded'], ['wounding', 'wounded'],
  ['injured', 'injured'], ['injuring', 'injured'], ['injuries', 'injured'], ['hurt', 'injured'], ['missing', 'missing'],
  ['arrested', 'arrested'], ['detained', 'detained'], ['displaced', 'displaced'], ['evacuated', 'evacuated'],
  ['captured', 'captured'], ['rescued', 'rescued'], ['abducted', 'abducted'], ['kidnapped', 'abducted'],
  ['executed', 'killed'], ['slain', 'killed'], ['fatalities', 'killed'], ['casualties', 'casualties'],
]);

/** Cues that the figure is an expectation, not a fact. */
export const EXPECT_RE =
  /\b(?:[Ee]xpect(?:s|ed|ing|ations?)?|[Cc]ould|[Ww]ill|[Ww]ould|[Mm]ight|may|[Ss]hall|[Pp]lans?\s+to|planned|planning|[Ff]orecasts?|forecasted|projected|projections?|predicts?|predicted|predictions?|[Aa]nticipat\w+|[Ll]ikely|set\s+to|aims?\s+to|aiming\s+to|intends?\s+to|poised\s+to|estimated\s+to|scheduled\s+to|is\s+to|are\s+to|to\s+swell|to\s+surge|to\s+rise|to\s+reach|to\s+grow|to\s+increase)\b|['’]ll\b/;
export const EXPECT_AFTER_RE =
  /^\s*(?:(?:are|is|were|was)\s+)?(?:expected|projected|forecast|likely|set|due|scheduled|poised|planned)\b|^\s*(?:will|could|would|may|might)\b/;

/** Capitalised words before a bare number that make it a name, not a count ("Article 5", "Boeing 737"). */
export const IDENTIFIER_WORDS = new Set([
  'article', 'section', 'chapter', 'resolution', 'flight', 'route', 'highway', 'interstate', 'gate', 'page', 'room',
  'no', 'no.', 'number', 'apollo', 'boeing', 'airbus', 'windows', 'iphone', 'galaxy', 'formula', 'level', 'phase',
  'stage', 'grade', 'class', 'category', 'type', 'model', 'version', 'vol', 'volume', 'issue', 'part', 'act', 'bill',
  'hr', 'amendment', 'paragraph', 'clause', 'rule', 'title', 'item', 'exhibit', 'table', 'figure', 'fig', 'line', 'block',
  'unit', 'platform', 'terminal', 'pier', 'berth', 'district', 'ward', 'precinct', 'squad', 'brigade', 'battalion',
  'division', 'corps', 'regiment', 'army', 'fleet', 'group', 'team', 'channel', 'studio', 'season', 'episode', 'g', 'su',
  'mig', 'tu', 'il', 'an', 'mi', 'ka', 'f', 'b', 'c', 'k', 'p', 's', 't', 'ss', 'kh', 'top',
]);
