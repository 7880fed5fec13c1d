// General facts the tagger may lean on: names of countries, capitals and major cities, regions,
// international bodies and news organisations, and the words that surround names without being
// part of them (titles, nationality adjectives). Lists, one entry a `|`-separated item, so the
// bundle stays small; matching is case-insensitive and on whole tokens.

export const COUNTRIES =
  'Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|' +
  'Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|' +
  'Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Burma|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|' +
  'Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Czechoslovakia|Denmark|Djibouti|' +
  'Dominica|Dominican Republic|East Timor|Timor-Leste|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|' +
  'Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|' +
  'Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|' +
  'Kazakhstan|Kenya|Kiribati|Korea|North Korea|South Korea|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|' +
  'Libya|Liechtenstein|Lithuania|Luxembourg|Macedonia|North Macedonia|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|' +
  'Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|' +
  'Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|Norway|Oman|Pakistan|Palau|Palestine|Panama|' +
  'Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Lucia|Samoa|San Marino|' +
  'Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|' +
  'South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|' +
  'Trinidad|Trinidad and Tobago|Tunisia|Turkey|Turkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|' +
  'United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States|United States of America|' +
  'US|U.S.|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Vatican City|Venezuela|Vietnam|Viet Nam|Yemen|Yugoslavia|' +
  'Zambia|Zimbabwe|Soviet Union|USSR|Hong Kong|Macau|Greenland|Puerto Rico|Gaza|Gaza Strip|West Bank|Tibet|Chechnya|' +
  'Crimea|Kurdistan|Republic of Korea|Republic of Ireland|Czech|Slovak Republic|Congo Republic|Democratic Republic of Congo|' +
  'Democratic Republic of the Congo';

export const CITIES =
  'Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Brisbane|Perth|Vienna|Baku|Nassau|Manama|Dhaka|' +
  'Minsk|Brussels|Antwerp|Porto-Novo|Thimphu|La Paz|Sarajevo|Gaborone|Brasilia|Rio de Janeiro|Sao Paulo|Sofia|Ouagadougou|' +
  'Phnom Penh|Yaounde|Ottawa|Toronto|Montreal|Vancouver|Calgary|Quebec|Santiago|Beijing|Shanghai|Guangzhou|Shenzhen|' +
  'Wuhan|Chengdu|Tianjin|Bogota|Medellin|Kinshasa|Brazzaville|San Jose|Zagreb|Havana|Nicosia|Prague|Copenhagen|Santo Domingo|' +
  'Quito|Guayaquil|Cairo|Alexandria|San Salvador|Asmara|Tallinn|Addis Ababa|Helsinki|Paris|Marseille|Lyon|Libreville|Tbilisi|' +
  'Berlin|Bonn|Frankfurt|Munich|Hamburg|Cologne|Accra|Athens|Guatemala City|Conakry|Port-au-Prince|Tegucigalpa|Budapest|' +
  'Reykjavik|New Delhi|Delhi|Mumbai|Bombay|Calcutta|Kolkata|Chennai|Madras|Bangalore|Jakarta|Tehran|Baghdad|Basra|Mosul|' +
  'Dublin|Jerusalem|Tel Aviv|Rome|Milan|Naples|Turin|Kingston|Tokyo|Osaka|Kyoto|Amman|Astana|Almaty|Nairobi|Mombasa|Pristina|' +
  'Kuwait City|Bishkek|Vientiane|Riga|Beirut|Monrovia|Tripoli|Benghazi|Vilnius|Skopje|Antananarivo|Kuala Lumpur|Bamako|' +
  'Valletta|Nouakchott|Mexico City|Guadalajara|Monterrey|Chisinau|Ulan Bator|Ulaanbaatar|Podgorica|Rabat|Casablanca|Maputo|' +
  'Yangon|Rangoon|Naypyidaw|Windhoek|Kathmandu|Amsterdam|Rotterdam|The Hague|Wellington|Auckland|Managua|Niamey|Abuja|Lagos|' +
  'Pyongyang|Oslo|Muscat|Islamabad|Karachi|Lahore|Panama City|Asuncion|Lima|Manila|Warsaw|Krakow|Lisbon|Doha|Bucharest|' +
  'Moscow|St Petersburg|St. Petersburg|Saint Petersburg|Kigali|Riyadh|Jeddah|Mecca|Dakar|Belgrade|Freetown|Bratislava|' +
  'Ljubljana|Mogadishu|Pretoria|Johannesburg|Cape Town|Durban|Juba|Madrid|Barcelona|Seville|Valencia|Colombo|Khartoum|' +
  'Stockholm|Gothenburg|Bern|Geneva|Zurich|Basel|Damascus|Aleppo|Taipei|Dushanbe|Dodoma|Dar es Salaam|Bangkok|Lome|Tunis|' +
  'Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev|Kharkiv|Kharkov|Odesa|Odessa|Lviv|Dnipro|Donetsk|Luhansk|Mariupol|Kherson|' +
  'Zaporizhzhia|Abu Dhabi|Dubai|London|Manchester|Birmingham|Liverpool|Glasgow|Edinburgh|Belfast|Cardiff|Leeds|Washington|' +
  'New York|New York City|Los Angeles|Chicago|Houston|Philadelphia|Phoenix|San Francisco|San Diego|Dallas|Boston|Seattle|' +
  'Miami|Atlanta|Detroit|Denver|Las Vegas|New Orleans|Baltimore|Pittsburgh|Cleveland|St. Louis|Minneapolis|Montevideo|' +
  'Tashkent|Caracas|Hanoi|Ho Chi Minh City|Saigon|Sanaa|Aden|Lusaka|Harare|Seoul|Busan|Singapore|Hong Kong|Vladivostok|' +
  'Novosibirsk|Yekaterinburg|Kazan|Grozny|Sevastopol|Volgograd|Belgorod|Kursk|Rostov|Brest|Gdansk|Salzburg|Strasbourg|' +
  'Nice|Toulouse|Bordeaux|Lille|Marseilles|Florence|Venice|Genoa|Bologna|Palermo|Porto|Oporto|Bilbao|Thessaloniki|Izmir|' +
  'Gaza City|Ramallah|Haifa|Hebron|Kandahar|Herat|Peshawar|Srinagar|Kabul|Dhaka|Chittagong|Hyderabad|Ahmedabad|Pune|' +
  'Surabaya|Bali|Cebu|Davao|Hiroshima|Nagasaki|Yokohama|Nagoya|Sapporo|Fukushima|Okinawa|Incheon|Macau|Lhasa|Urumqi|' +
  'Harbin|Nanjing|Xian|Hangzhou|Chongqing|Kolkata|Mandalay|Phuket|Perth|Adelaide|Auckland|Christchurch|Honolulu|Anchorage|' +
  'Havana|Tijuana|Acapulco|Cancun|Recife|Salvador|Porto Alegre|Belo Horizonte|Cordoba|Rosario|Valparaiso|Cali|Cartagena|' +
  'Maracaibo|Kinshasa|Goma|Lubumbashi|Khartoum|Darfur|Kano|Port Harcourt|Abidjan|Kumasi|Zanzibar|Entebbe|Harare|Bulawayo';

export const US_STATES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|' +
  'Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|' +
  'Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|' +
  'Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|' +
  'Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Bavaria|Saxony|' +
  'Catalonia|Andalusia|Tuscany|Sicily|Sardinia|Lombardy|Normandy|Brittany|Provence|Flanders|Wallonia|Kashmir|Punjab|Bengal|' +
  'Kerala|Gujarat|Xinjiang|Guangdong|Hokkaido|Siberia|Dagestan|Donbas|Donbass|Kursk|Belgorod|Bryansk|Zaporizhzhia|Kherson|Kosovo';

export const REGIONS =
  'Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Arctic|Oceania|Eurasia|Australasia|' +
  'Middle East|Near East|Far East|Mideast|Gulf|Persian Gulf|Balkans|Caucasus|Scandinavia|Baltics|Sahel|Sahara|Horn of Africa|' +
  'Central Asia|Southeast Asia|South Asia|East Asia|Asia-Pacific|Asia Pacific|Indo-Pacific|Pacific|Atlantic|Mediterranean|' +
  'Caribbean|Black Sea|Baltic Sea|Red Sea|Caspian Sea|South China Sea|East China Sea|North Sea|Indian Ocean|Pacific Ocean|' +
  'Atlantic Ocean|Arctic Ocean|Suez Canal|Panama Canal|Strait of Hormuz|Taiwan Strait|Korean Peninsula|Sinai|Golan Heights|' +
  'West Africa|East Africa|North Africa|Southern Africa|Western Europe|Eastern Europe|Central Europe|Northern Europe|' +
  'Southern Europe|Western Sahara|Himalayas|Alps|Andes|Amazon|Nile|Danube|Rhine|Dnieper|Volga|Mekong|Yangtze|Euphrates|' +
  'Tigris|Jordan Valley|Silicon Valley|Wall Street|Midwest|New England';

export const ORGANIZATIONS =
  'United Nations|UN|U.N.|UN Security Council|U.N. Security Council|Security Council|General Assembly|NATO|North Atlantic Treaty Organization|' +
  'European Union|EU|E.U.|European Commission|European Parliament|European Central Bank|ECB|Council of Europe|' +
  'International Monetary Fund|IMF|World Bank|World Trade Organization|WTO|World Health Organization|WHO|UNESCO|UNICEF|' +
  'UNHCR|UNRWA|FAO|ILO|IAEA|International Atomic Energy Agency|OPEC|OECD|OSCE|ASEAN|African Union|Arab League|' +
  'Gulf Cooperation Council|GCC|G7|G8|G20|BRICS|Commonwealth|Interpol|Europol|Red Cross|International Committee of the Red Cross|' +
  'ICRC|Red Crescent|Amnesty International|Human Rights Watch|Doctors Without Borders|Medecins Sans Frontieres|MSF|Greenpeace|' +
  'International Criminal Court|ICC|International Court of Justice|ICJ|Federal Reserve|Fed|Bank of England|Bank of Japan|' +
  'Bundesbank|Pentagon|Kremlin|State Department|Department of State|Defense Department|Department of Defense|' +
  'Justice Department|Department of Justice|Treasury|Treasury Department|Homeland Security|CIA|FBI|NSA|NASA|EPA|FDA|SEC|' +
  'Congress|Senate|House of Representatives|Supreme Court|Parliament|Duma|State Duma|Bundestag|Knesset|Kremlin|Politburo|' +
  'Council on Foreign Relations|Brookings Institution|Heritage Foundation|RAND Corporation|Chatham House|' +
  'Institute for the Study of War|Carnegie Endowment|Wagner Group|Hamas|Hezbollah|Taliban|Islamic State|ISIS|ISIL|al-Qaeda|' +
  'al Qaeda|Al-Qaeda|Democratic Party|Republican Party|Labour Party|Conservative Party|Communist Party|Gazprom|Rosneft|' +
  'Naftogaz|Ukrainian Armed Forces|Armed Forces of Ukraine|Red Army|Navy|Air Force|Marine Corps|Security Service|SBU|FSB|KGB|' +
  'Mossad|MI5|MI6|Apple|Google|Microsoft|Amazon|Meta|Facebook|Twitter|Tesla|Boeing|Airbus|Toyota|Volkswagen|General Motors|' +
  'Ford|IBM|Intel|Samsung|Sony|Exxon|ExxonMobil|Chevron|Shell|BP|Goldman Sachs|JPMorgan|Morgan Stanley|Citigroup|HSBC|Barclays|' +
  'Deutsche Bank|UBS|Credit Suisse';

export const NEWS_ORGS =
  'Reuters|Associated Press|The Associated Press|AP|Agence France-Presse|Agence France Presse|AFP|Bloomberg|Bloomberg News|' +
  'BBC|CNN|NBC|NBC News|CBS|CBS News|ABC|ABC News|Fox News|MSNBC|NPR|PBS|Al Jazeera|Al Arabiya|Sky News|Euronews|' +
  'Deutsche Welle|DW|France 24|New York Times|The New York Times|Washington Post|The Washington Post|Wall Street Journal|' +
  'The Wall Street Journal|Financial Times|The Guardian|Guardian|The Times|The Economist|Economist|Politico|Axios|' +
  'USA Today|Los Angeles Times|Chicago Tribune|Boston Globe|The Telegraph|Daily Telegraph|The Independent|Daily Mail|' +
  'Le Monde|Le Figaro|Der Spiegel|Spiegel|Bild|El Pais|Corriere della Sera|Xinhua|TASS|Itar-Tass|Interfax|RIA Novosti|RIA|' +
  'Ukrinform|Kyiv Independent|Kyodo|Kyodo News|Yonhap|NHK|Dow Jones|Newsweek|Time|The Atlantic|The Hill|Vox|' +
  'Radio Free Europe|Radio Liberty|Voice of America|VOA|Press TV|RT|Sputnik|KCNA|Korean Central News Agency|Anadolu|' +
  'ANSA|EFE|dpa|DPA|PAP|CTK|MTI|Agence|Haaretz|Times of India|South China Morning Post|Straits Times|Nikkei';

// Words that name a position or an honour: they precede a name but are no part of it.
export const TITLES =
  'President|Vice President|Vice-President|Prime Minister|Premier|Chancellor|Minister|Foreign Minister|Defence Minister|' +
  'Defense Minister|Interior Minister|Finance Minister|Culture Minister|Deputy|Secretary|Secretary of State|Secretary-General|' +
  'Secretary General|Ambassador|Envoy|Governor|Gov.|Gov|Mayor|Senator|Sen.|Sen|Representative|Rep.|Rep|Congressman|' +
  'Congresswoman|Speaker|Judge|Justice|Chief Justice|Attorney General|Prosecutor|General|Gen.|Gen|Lieutenant General|' +
  'Lt. Gen.|Major General|Maj. Gen.|Brigadier General|Brig. Gen.|Lieutenant|Lt.|Lt|Colonel|Col.|Col|Major|Maj.|Captain|' +
  'Capt.|Sergeant|Sgt.|Corporal|Private|Admiral|Adm.|Vice Admiral|Rear Admiral|Commander|Cmdr.|Marshal|Field Marshal|' +
  'Commissioner|Chairman|Chairwoman|Chair|Chief|Chief Executive|CEO|Director|Spokesman|Spokeswoman|Spokesperson|' +
  'Mr.|Mr|Mrs.|Mrs|Ms.|Ms|Miss|Dr.|Dr|Prof.|Prof|Professor|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Emperor|Empress|' +
  'Sheikh|Sultan|Emir|Crown Prince|Pope|Cardinal|Archbishop|Bishop|Rev.|Reverend|Father|Rabbi|Imam|Ayatollah|Pastor|' +
  'St.|Saint|Leader|Supreme Leader|Coach|Manager|Officer|Inspector|Detective|Agent|Analyst|Ambassador-at-large|Comrade|' +
  'Mayor-elect|President-elect|Senator-elect|Presidential|Regional|Former|former|Acting|Interim|Head|Founder';

// Nationality and group adjectives: names of no one in particular.
export const DEMONYMS =
  'Afghan|Albanian|Algerian|American|Andorran|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|Azerbaijani|Azeri|' +
  'Bahamian|Bahraini|Bangladeshi|Barbadian|Belarusian|Belarussian|Belgian|Belizean|Beninese|Bhutanese|Bolivian|Bosnian|' +
  'Botswanan|Brazilian|British|Bruneian|Bulgarian|Burkinabe|Burmese|Burundian|Cambodian|Cameroonian|Canadian|Chadian|Chilean|' +
  'Chinese|Colombian|Congolese|Costa Rican|Croatian|Croat|Cuban|Cypriot|Czech|Danish|Djiboutian|Dominican|Dutch|Ecuadorian|' +
  'Egyptian|Salvadoran|Eritrean|Estonian|Ethiopian|Fijian|Filipino|Finnish|French|Gabonese|Gambian|Georgian|German|Ghanaian|' +
  'Greek|Grenadian|Guatemalan|Guinean|Guyanese|Haitian|Honduran|Hungarian|Icelandic|Indian|Indonesian|Iranian|Iraqi|Irish|' +
  'Israeli|Italian|Ivorian|Jamaican|Japanese|Jordanian|Kazakh|Kazakhstani|Kenyan|Korean|North Korean|South Korean|Kosovar|' +
  'Kuwaiti|Kyrgyz|Lao|Laotian|Latvian|Lebanese|Liberian|Libyan|Lithuanian|Luxembourgish|Macedonian|Malagasy|Malawian|' +
  'Malaysian|Maldivian|Malian|Maltese|Mauritanian|Mauritian|Mexican|Moldovan|Monegasque|Mongolian|Montenegrin|Moroccan|' +
  'Mozambican|Namibian|Nepalese|Nepali|New Zealander|Nicaraguan|Nigerien|Nigerian|Norwegian|Omani|Pakistani|Palestinian|' +
  'Panamanian|Paraguayan|Peruvian|Philippine|Polish|Portuguese|Qatari|Romanian|Russian|Rwandan|Saudi|Saudi Arabian|Scottish|' +
  'Senegalese|Serbian|Serb|Sierra Leonean|Singaporean|Slovak|Slovakian|Slovenian|Slovene|Somali|South African|South Sudanese|' +
  'Spanish|Sri Lankan|Sudanese|Surinamese|Swazi|Swedish|Swiss|Syrian|Taiwanese|Tajik|Tanzanian|Thai|Togolese|Tongan|' +
  'Trinidadian|Tunisian|Turkish|Turkmen|Ugandan|Ukrainian|Emirati|English|Welsh|Uruguayan|Uzbek|Venezuelan|Vietnamese|' +
  'Yemeni|Zambian|Zimbabwean|Soviet|Yugoslav|Chechen|Kurdish|Kurd|Tatar|Crimean|Tibetan|Uighur|Uyghur|Basque|Catalan|' +
  'Flemish|Walloon|Bavarian|Sicilian|Corsican|Arab|Arabic|Persian|Pashtun|Baloch|Punjabi|Bengali|Tamil|Sikh|Hindu|Muslim|' +
  'Christian|Jewish|Catholic|Protestant|Orthodox|Sunni|Shia|Shiite|Islamic|Buddhist|Western|Eastern|Northern|Southern|' +
  'European|Asian|African|Latin American|Latin|Nordic|Scandinavian|Baltic|Balkan|Caucasian|Slavic|Anglo|Hispanic|' +
  'Transatlantic|Pan-European|Allied|Ukrainians|Russians|Americans|Europeans|Germans|Chinese|Israelis|Palestinians|Iranians|' +
  'Iraqis|Syrians|Afghans|Koreans|North Koreans|South Koreans|Japanese|Britons|Brits|Poles|Turks|Kurds|Arabs|Muslims|Christians|' +
  'Jews|Democrats|Republicans|Democrat|Republican|Democratic|Conservative|Liberal|Labour|Communist|Socialist';

// Common given names across the languages of world news.
export const FIRST_NAMES =
  'Aaron|Abdul|Abdullah|Abel|Abraham|Adam|Adrian|Ahmad|Ahmed|Aisha|Alan|Albert|Alberto|Aleksandr|Aleksei|Alessandro|Alex|' +
  'Alexander|Alexandra|Alexei|Alexis|Alfred|Ali|Alice|Alicia|Alina|Alison|Allan|Amanda|Amir|Amy|Ana|Anastasia|Anatoly|Andrea|' +
  'Andreas|Andrei|Andrej|Andres|Andrew|Andriy|Andrzej|Angela|Angelo|Anita|Ann|Anna|Anne|Anthony|Antoine|Anton|Antonio|Antony|' +
  'Arnold|Arthur|Ashley|Barbara|Barry|Ben|Benjamin|Bernard|Bernd|Betty|Bill|Bob|Boris|Brandon|Brian|Bruce|Bruno|Carl|Carla|' +
  'Carlos|Carmen|Carol|Caroline|Catherine|Charles|Charlie|Chen|Chris|Christian|Christina|Christine|Christopher|Claire|Claudia|' +
  'Claudio|Colin|Craig|Cristina|Daniel|Daniela|Danielle|Dario|David|Dean|Deborah|Denis|Dennis|Diana|Diego|Dmitri|Dmitry|' +
  'Dmytro|Donald|Doug|Douglas|Edward|Elena|Elizabeth|Ellen|Emily|Emma|Emmanuel|Enrique|Eric|Erik|Ernesto|Eva|Evgeny|Fabio|' +
  'Farid|Fatima|Felipe|Fernando|Francesco|Francis|Francisco|Frank|Franz|Fred|Frederick|Gabriel|Gary|Georg|George|Georgy|' +
  'Gerald|Gerhard|Giorgio|Giovanni|Giuseppe|Gordon|Grace|Graham|Gregory|Guillermo|Gustavo|Hans|Harold|Harry|Hassan|Heinz|' +
  'Helen|Helmut|Henry|Hiroshi|Hugo|Hussein|Ian|Ibrahim|Igor|Ilya|Ivan|Jack|Jacob|Jacques|James|Jan|Jane|Janet|Jason|Javier|' +
  'Jean|Jeff|Jeffrey|Jennifer|Jens|Jeremy|Jerry|Jessica|Jim|Jimmy|Joan|Joe|Johan|Johann|Johannes|John|Jonathan|Jorge|Jose|' +
  'Joseph|Juan|Judith|Julia|Julian|Julie|Jurgen|Justin|Kamala|Karen|Karim|Karl|Kate|Katherine|Kathleen|Keith|Kenneth|Kevin|' +
  'Khalid|Kim|Klaus|Kurt|Larry|Laura|Lee|Leonid|Li|Linda|Lisa|Liu|Lucas|Luis|Luigi|Luis|Lynn|Manuel|Marc|Marco|Margaret|' +
  'Maria|Marie|Mario|Mark|Martin|Mary|Matteo|Matthew|Maurice|Max|Maxim|Mehmet|Michael|Michel|Michelle|Miguel|Mikhail|Mohamed|' +
  'Mohammad|Mohammed|Muhammad|Mustafa|Mykola|Nancy|Natalia|Nathan|Neil|Nicholas|Nick|Nicolas|Nikolai|Nikolay|Nina|Olaf|Oleg|' +
  'Oleh|Oleksandr|Oleksiy|Olena|Olga|Omar|Oscar|Pablo|Pamela|Paolo|Patricia|Patrick|Paul|Pavel|Pedro|Peter|Petr|Petro|Philip|' +
  'Philippe|Pierre|Pietro|Rachel|Rafael|Ralph|Ramon|Raul|Ray|Raymond|Rebecca|Richard|Rick|Robert|Roberto|Roger|Roman|' +
  'Ronald|Rosa|Ruth|Ryan|Said|Salman|Sam|Samuel|Sandra|Sara|Sarah|Scott|Sean|Serge|Sergei|Sergey|Sergio|Serhiy|Shinzo|Simon|' +
  'Sophie|Stefan|Stephen|Steve|Steven|Susan|Sven|Tamara|Tatiana|Tatyana|Teresa|Thomas|Tim|Timothy|Tom|Tony|Valentin|Valery|' +
  'Vasily|Victor|Viktor|Vincent|Vitaly|Vladimir|Vladislav|Volodymyr|Walter|Wang|Wei|Werner|William|Wolfgang|Xavier|Yevgeny|' +
  'Yuri|Yuriy|Yusuf|Zhang|Zoltan|Emmanuel|Narendra|Rahul|Sanjay|Amit|Raj|Vijay|Priya|Takeshi|Yuki|Kenji|Akira|Haruki|Yoon|' +
  'Jae|Min|Joon|Hyun|Xi|Nelson|Jacinda|Rishi|Keir|Olaf|Giorgia|Ursula|Jens|Benjamin|Recep|Bashar|Kim|Mahmoud|Abdel|Tamim|Mikheil|' +
  'Ilham|Nikol|Alexander|Emmerson|Cyril|Jair|Javier|Gustavo|Nicolas|Dilma|Evo|Justin|Pierre|Marine|Friedrich|Boris|Liz|Theresa';

export type GazKind = 'country' | 'city' | 'state' | 'region' | 'org' | 'news' | 'title' | 'demonym' | 'first';

const LISTS: [GazKind, string][] = [
  ['country', COUNTRIES],
  ['city', CITIES],
  ['state', US_STATES],
  ['region', REGIONS],
  ['org', ORGANIZATIONS],
  ['news', NEWS_ORGS],
  ['title', TITLES],
  ['demonym', DEMONYMS],
  ['first', FIRST_NAMES],
];

export const GAZ_KINDS: GazKind[] = LISTS.map(([k]) => k);

export interface Gazetteer {
  /** lowercased phrase (tokens joined by one space) → kinds it belongs to (bitmask over GAZ_KINDS) */
  phrases: Map<string, number>;
  /** longest phrase length in tokens, per lowercased first token */
  firstLen: Map<string, number>;
}

let cached: Gazetteer | undefined;

/** Tokens of a phrase, split like the tagger's tokens ("Guinea-Bissau" stays whole, "Lt. Gen." is two). */
export function phraseTokens(phrase: string): string[] {
  return phrase.split(' ').filter(Boolean);
}

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const phrases = new Map<string, number>();
  const firstLen = new Map<string, number>();
  LISTS.forEach(([, list], k) => {
    for (const p of list.split('|')) {
      const toks = phraseTokens(p.toLowerCase());
      if (!toks.length) continue;
      const key = toks.join(' ');
      phrases.set(key, (phrases.get(key) ?? 0) | (1 << k));
      firstLen.set(toks[0], Math.max(firstLen.get(toks[0]) ?? 0, toks.length));
    }
  });
  cached = { phrases, firstLen };
  return cached;
}

export const KIND_BIT: Record<GazKind, number> = Object.fromEntries(GAZ_KINDS.map((k, i) => [k, 1 << i])) as Record<GazKind, number>;
