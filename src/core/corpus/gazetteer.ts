// General facts about place names the merge rules rely on: the official and common names of
// countries (so "Republic of Korea" is South Korea), the adjectives for their people ("North
// Korean" → North Korea, for figure subjects), and names that stand for more than one place
// ("Georgia" the country and the US state), with the context words that tell them apart.
import { nameKey } from './fold';

// Canonical name | other names ; demonyms. Official long forms and the common short ones.
const COUNTRIES = `
Afghanistan|Islamic Republic of Afghanistan;Afghan
Albania|Republic of Albania;Albanian
Algeria|People's Democratic Republic of Algeria;Algerian
Angola|Republic of Angola;Angolan
Argentina|Argentine Republic;Argentine|Argentinian|Argentinean
Armenia|Republic of Armenia;Armenian
Australia|Commonwealth of Australia;Australian
Austria|Republic of Austria;Austrian
Azerbaijan|Republic of Azerbaijan;Azerbaijani|Azeri
Bahrain|Kingdom of Bahrain;Bahraini
Bangladesh|People's Republic of Bangladesh;Bangladeshi
Belarus|Republic of Belarus|Byelorussia;Belarusian|Belarussian|Byelorussian
Belgium|Kingdom of Belgium;Belgian
Bolivia|Plurinational State of Bolivia;Bolivian
Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia;Bosnian
Brazil|Federative Republic of Brazil;Brazilian
Bulgaria|Republic of Bulgaria;Bulgarian
Burma|Myanmar|Republic of the Union of Myanmar;Burmese
Cambodia|Kingdom of Cambodia|Kampuchea;Cambodian
Cameroon|Republic of Cameroon;Cameroonian
Canada;Canadian
Chile|Republic of Chile;Chilean
China|People's Republic of China|PRC|Mainland China;Chinese
Colombia|Republic of Colombia;Colombian
Costa Rica|Republic of Costa Rica;Costa Rican
Croatia|Republic of Croatia;Croatian|Croat
Cuba|Republic of Cuba;Cuban
Cyprus|Republic of Cyprus;Cypriot
Czech Republic|Czechia;Czech
Czechoslovakia|CSSR;Czechoslovak
Denmark|Kingdom of Denmark;Danish|Dane
Dominican Republic;Dominican
Ecuador|Republic of Ecuador;Ecuadorean|Ecuadorian
Egypt|Arab Republic of Egypt;Egyptian
El Salvador|Republic of El Salvador;Salvadoran|Salvadorean
Estonia|Republic of Estonia;Estonian
Ethiopia|Federal Democratic Republic of Ethiopia;Ethiopian
Finland|Republic of Finland;Finnish|Finn
France|French Republic;French
Georgia|Republic of Georgia|Sakartvelo;Georgian
Germany|Federal Republic of Germany;German
West Germany|FRG;West German
East Germany|German Democratic Republic|GDR;East German
Ghana|Republic of Ghana;Ghanaian
Greece|Hellenic Republic;Greek
Guatemala|Republic of Guatemala;Guatemalan
Honduras|Republic of Honduras;Honduran
Hong Kong;Hong Konger
Hungary;Hungarian
Iceland;Icelandic|Icelander
India|Republic of India;Indian
Indonesia|Republic of Indonesia;Indonesian
Iran|Islamic Republic of Iran|Persia;Iranian
Iraq|Republic of Iraq;Iraqi
Ireland|Republic of Ireland|Eire;Irish
Israel|State of Israel;Israeli
Italy|Italian Republic;Italian
Ivory Coast|Cote d'Ivoire|Côte d'Ivoire;Ivorian
Jamaica;Jamaican
Japan|State of Japan|Nippon;Japanese
Jordan|Hashemite Kingdom of Jordan;Jordanian
Kazakhstan|Republic of Kazakhstan;Kazakh|Kazakhstani
Kenya|Republic of Kenya;Kenyan
North Korea|Democratic People's Republic of Korea|DPRK|D.P.R.K.;North Korean
South Korea|Republic of Korea|ROK|R.O.K.;South Korean
Kuwait|State of Kuwait;Kuwaiti
Kyrgyzstan|Kyrgyz Republic;Kyrgyz
Laos|Lao People's Democratic Republic;Laotian|Lao
Latvia|Republic of Latvia;Latvian
Lebanon|Lebanese Republic;Lebanese
Libya|State of Libya;Libyan
Lithuania|Republic of Lithuania;Lithuanian
Luxembourg|Grand Duchy of Luxembourg;Luxembourgish|Luxembourger
Malaysia;Malaysian
Mexico|United Mexican States;Mexican
Moldova|Republic of Moldova;Moldovan
Mongolia;Mongolian
Morocco|Kingdom of Morocco;Moroccan
Mozambique|Republic of Mozambique;Mozambican
Nepal;Nepalese|Nepali
Netherlands|Holland|Kingdom of the Netherlands;Dutch
New Zealand;New Zealander
Nicaragua|Republic of Nicaragua;Nicaraguan
Nigeria|Federal Republic of Nigeria;Nigerian
North Macedonia|Republic of North Macedonia|Macedonia;Macedonian
Norway|Kingdom of Norway;Norwegian
Oman|Sultanate of Oman;Omani
Pakistan|Islamic Republic of Pakistan;Pakistani
Panama|Republic of Panama;Panamanian
Paraguay|Republic of Paraguay;Paraguayan
Peru|Republic of Peru;Peruvian
Philippines|Republic of the Philippines;Philippine|Filipino
Poland|Republic of Poland;Polish|Pole
Portugal|Portuguese Republic;Portuguese
Qatar|State of Qatar;Qatari
Romania;Romanian
Russia|Russian Federation;Russian
Rwanda|Republic of Rwanda;Rwandan
Saudi Arabia|Kingdom of Saudi Arabia;Saudi
Serbia|Republic of Serbia;Serbian|Serb
Singapore|Republic of Singapore;Singaporean
Slovakia|Slovak Republic;Slovak
Slovenia|Republic of Slovenia;Slovenian|Slovene
Somalia|Federal Republic of Somalia;Somali
South Africa|Republic of South Africa;South African
Soviet Union|USSR|U.S.S.R.|Union of Soviet Socialist Republics;Soviet
Spain|Kingdom of Spain;Spanish|Spaniard
Sri Lanka|Ceylon|Democratic Socialist Republic of Sri Lanka;Sri Lankan
Sudan|Republic of the Sudan;Sudanese
Sweden|Kingdom of Sweden;Swedish|Swede
Switzerland|Swiss Confederation;Swiss
Syria|Syrian Arab Republic;Syrian
Taiwan|Republic of China;Taiwanese
Tajikistan|Republic of Tajikistan;Tajik
Tanzania|United Republic of Tanzania;Tanzanian
Thailand|Kingdom of Thailand|Siam;Thai
Tunisia|Republic of Tunisia;Tunisian
Turkey|Republic of Turkey|Türkiye|Turkiye;Turkish|Turk
Turkmenistan;Turkmen
Uganda|Republic of Uganda;Ugandan
Ukraine|Ukrainian SSR;Ukrainian
United Arab Emirates|UAE|U.A.E.|Emirates;Emirati
United Kingdom|UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland;British|Briton
United States|U.S.|US|USA|U.S.A.|United States of America;American
Uruguay|Oriental Republic of Uruguay;Uruguayan
Uzbekistan|Republic of Uzbekistan;Uzbek
Vatican|Holy See|Vatican City;Vatican
Venezuela|Bolivarian Republic of Venezuela;Venezuelan
Vietnam|Viet Nam|Socialist Republic of Vietnam;Vietnamese
Yemen|Republic of Yemen;Yemeni
Yugoslavia|Socialist Federal Republic of Yugoslavia;Yugoslav
Zaire|Republic of Zaire;Zairean
Zambia|Republic of Zambia;Zambian
Zimbabwe|Republic of Zimbabwe;Zimbabwean
European Union|EU|E.U.
`;

// Names of organizations the world writes two ways without always spelling the expansion out.
const ORGANIZATIONS = `
United Nations|UN|U.N.
North Atlantic Treaty Organization|NATO|North Atlantic Treaty Organisation
Organization of Petroleum Exporting Countries|OPEC|Organisation of Petroleum Exporting Countries
European Economic Community|EEC|E.E.C.|European Community|EC
International Monetary Fund|IMF
World Bank|International Bank for Reconstruction and Development|IBRD
General Agreement on Tariffs and Trade|GATT
Federal Reserve|Fed|Federal Reserve Board|U.S. Federal Reserve
Securities and Exchange Commission|SEC
European Central Bank|ECB
World Health Organization|WHO
`;

const US_STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon
Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia
Wisconsin Wyoming`;

// The abbreviations news copy uses for US states ("Calif.", "N.J."), after the full name.
const US_STATE_ABBREVIATIONS = `
Alabama|Ala.;Arizona|Ariz.;Arkansas|Ark.;California|Calif.|Cal.;Colorado|Colo.;Connecticut|Conn.;Delaware|Del.;
Florida|Fla.;Georgia|Ga.;Illinois|Ill.;Indiana|Ind.;Kansas|Kan.|Kans.;Kentucky|Ky.;Louisiana|La.;Maryland|Md.;
Massachusetts|Mass.;Michigan|Mich.;Minnesota|Minn.;Mississippi|Miss.;Missouri|Mo.;Montana|Mont.;Nebraska|Neb.|Nebr.;
Nevada|Nev.;New Hampshire|N.H.;New Jersey|N.J.;New Mexico|N.M.;New York State|N.Y. State;North Carolina|N.C.;
North Dakota|N.D.;Oklahoma|Okla.;Oregon|Ore.|Oreg.;Pennsylvania|Pa.|Penn.;Rhode Island|R.I.;South Carolina|S.C.;
South Dakota|S.D.;Tennessee|Tenn.;Texas|Tex.;Vermont|Vt.;Virginia|Va.;West Virginia|W.Va.|W. Va.;Wisconsin|Wis.|Wisc.;
Wyoming|Wyo.`;

// Places with more than one sense, each with the names around it that point to it.
const AMBIGUOUS: Record<string, { sense: string; cues: string[] }[]> = {
  georgia: [
    {
      sense: 'country',
      cues: ['tbilisi', 'batumi', 'abkhazia', 'south ossetia', 'ossetia', 'caucasus', 'south caucasus', 'armenia', 'azerbaijan',
        'russia', 'ukraine', 'moldova', 'turkey', 'black sea', 'saakashvili', 'shevardnadze', 'kobakhidze', 'ivanishvili',
        'zourabichvili', 'georgian dream', 'european union', 'nato', 'kremlin', 'moscow'],
    },
    {
      sense: 'us-state',
      cues: ['atlanta', 'savannah', 'augusta', 'macon', 'athens', 'columbus', 'fulton county', 'cobb county', 'kemp',
        'raffensperger', 'warnock', 'ossoff', 'peach state', 'georgia tech', 'u.s. senate', 'senate', 'governor', 'gov',
        'alabama', 'florida', 'tennessee', 'south carolina', 'north carolina', 'carolina', 'mississippi', 'texas',
        'arizona', 'pennsylvania', 'michigan', 'wisconsin', 'nevada', 'coca-cola', 'delta', 'delta air lines', 'home depot'],
    },
  ],
};

const a0 = (xs: string[]) => xs[0] ?? '';

export interface GazetteerEntry {
  /** A stable id, e.g. "country:south korea". */
  id: string;
  name: string;
  kind: 'country' | 'organization';
}

const byKey = new Map<string, GazetteerEntry>();
const senseCues = new Map<string, { sense: string; cues: string[] }[]>();
const demonyms = new Map<string, GazetteerEntry>();
const usStates = new Set<string>();

function load(): void {
  if (byKey.size) return;
  for (const line of COUNTRIES.trim().split('\n')) {
    const [names, dem = ''] = line.split(';');
    const all = names.split('|');
    const entry: GazetteerEntry = { id: 'country:' + nameKey(all[0]), name: all[0], kind: 'country' };
    for (const n of all) if (!byKey.has(nameKey(n))) byKey.set(nameKey(n), entry);
    for (const d of dem.split('|').filter(Boolean)) if (!demonyms.has(nameKey(d))) demonyms.set(nameKey(d), entry);
  }
  for (const line of ORGANIZATIONS.trim().split('\n')) {
    const all = line.split('|');
    const entry: GazetteerEntry = { id: 'org:' + nameKey(all[0]), name: all[0], kind: 'organization' };
    for (const n of all) if (!byKey.has(nameKey(n))) byKey.set(nameKey(n), entry);
  }
  for (const s of US_STATES.split(/\s+/)) if (s) usStates.add(nameKey(s.replace(/_/g, ' ')));
  for (const item of US_STATE_ABBREVIATIONS.replace(/\n/g, '').split(';')) {
    const [name, ...abbrs] = item.split('|');
    const entry: GazetteerEntry = { id: 'state:' + nameKey(name), name, kind: 'country' };
    // Full state names stay out of the alias table ("Washington" is most often the capital, "Georgia" may be the country).
    for (const a of abbrs) if (!byKey.has(nameKey(a))) byKey.set(nameKey(a), entry);
    if (!byKey.has(nameKey(name)) && nameKey(name) !== 'georgia') byKey.set(nameKey(name), entry);
    usStates.add(nameKey(a0(abbrs)));
  }
  for (const [name, senses] of Object.entries(AMBIGUOUS)) senseCues.set(name, senses.map((s) => ({ sense: s.sense, cues: s.cues.map(nameKey) })));
}

/** The country or organization a name is one of the names of, if any. */
export function gazetteerEntry(name: string, type?: string): GazetteerEntry | undefined {
  load();
  const e = byKey.get(nameKey(name));
  if (!e) return undefined;
  if (type && (type === 'place') !== (e.kind === 'country') && !(type === 'organization' && e.id === 'country:european union')) return undefined;
  return e;
}

/** The country a people's adjective refers to: "North Korean" → North Korea. */
export function demonymCountry(word: string): GazetteerEntry | undefined {
  load();
  return demonyms.get(nameKey(word));
}

export function isUsState(name: string): boolean {
  load();
  return usStates.has(nameKey(name));
}

/**
 * Which sense of an ambiguous place name the rest of the article points to, or undefined when
 * the name has one sense or the context does not tell. `context` holds the keys of the other
 * names and words of the article.
 */
export function placeSense(name: string, context: ReadonlySet<string>): string | undefined {
  load();
  const senses = senseCues.get(nameKey(name));
  if (!senses) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  let tie = false;
  for (const s of senses) {
    let score = s.cues.reduce((n, c) => n + (context.has(c) ? 1 : 0), 0);
    if (s.sense === 'us-state') for (const k of context) if (k !== nameKey(name) && isUsState(k)) score++;
    if (score > bestScore) [best, bestScore, tie] = [s.sense, score, false];
    else if (score === bestScore && score > 0) tie = true;
  }
  return tie ? undefined : best;
}

/** Whether a name has several senses the context must choose between. */
export function isAmbiguousPlace(name: string): boolean {
  return nameKey(name) in AMBIGUOUS;
}

/** The usual name behind a gazetteer id ("country:south korea" → "South Korea"). */
export function gazetteerName(id: string): string {
  load();
  for (const e of byKey.values()) if (e.id === id) return e.name;
  const k = id.slice(id.indexOf(':') + 1);
  return k.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
}
