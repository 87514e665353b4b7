// Text similarity between initiatives (title + need, Swedish), so that a
// department writing a new initiative sees existing ones from other departments
// that look like the same thing and can join forces instead of building twice.
//
// Pure TypeScript, no dependencies, no Node APIs. The score blends two cosine
// similarities over weighted sparse vectors:
//   - words and concepts: lowercased, stopwords removed, lightly stemmed
//     (Swedish suffixes), plus the concepts of a small municipal thesaurus, so
//     that "e-underskrift" meets "signering" and "sopkärl" meets "avfallskärl";
//   - character trigrams of those words, which tolerate compounds
//     ("hemtjänstplanering" vs "planering av hemtjänsten") and inflection the
//     stemmer misses, also for vocabulary the thesaurus does not know.
// The title counts twice as much as the need text. Words that appear in almost
// every initiative ("digital", "e-tjänst", "system", "behöver" …) are kept but
// weigh less, so that two e-services for different things do not look alike.
// å, ä and ö are kept as letters of their own: folding them to a/o did not
// help on the fixture. Parameters and threshold were chosen by measuring on
// tests/fixtures/similarity-pairs.ts (development pairs; a held-out set checks
// how well that carries over to unseen topics).

export type SimilarityDoc = { id: string; title: string; need: string };
export type SimilarityText = { title: string; need: string };
export type SimilarityOptions = { threshold?: number; limit?: number; excludeId?: string };
export type SimilarityMatch = { id: string; score: number };

/** Default score at or above which two initiatives are shown as similar. */
export const SIMILARITY_THRESHOLD = 0.36;
export const SIMILARITY_DEFAULT_LIMIT = 5;

const PARAMS = {
  titleWeight: 2, // a title word counts this many times a need-text word
  wordShare: 0.6, // weight of the word+concept cosine; the rest is the character n-gram cosine
  ngram: 3,
  genericWeight: 0.3, // weight of words that occur in almost every initiative
  conceptWeight: 1.5, // weight of a thesaurus concept relative to the word that evoked it
};

// ---------------------------------------------------------------- language

const STOPWORDS = new Set(
  (
    "och i för att en ett som med på av till det är vi de den om så kan ska skall inte har vara från eller alla " +
    "våra vår vårt vilka vilken vilket var hur när där då nu här men också även samt utan mot under efter " +
    "inom mellan genom vid hos sin sitt sina sig dess deras dem denna detta dessa man mig mitt min mina oss er " +
    "ni du jag han hon hen dig din ditt dina blir bli blev bliva varit hade få får fick kunna kunde skulle måste " +
    "bör behöva många mycket mer mest flera fler andra annan annat samma själv själva sådan sådana ex " +
    "bland ju bara redan än ännu åt ut upp in ner över fram bort igen alltid aldrig varje någon något några " +
    "ingen inget inga idag dag dagen sätt ha enligt oavsett därför eftersom medan både sedan innan exempel " +
    "stället istället"
  ).split(/\s+/),
);

// Frequent in almost every initiative in a municipal portfolio: they say little
// about *which* initiative it is. Given as words; stemmed on load.
const GENERIC_WORDS = (
  "digital digitalt digitala digitalisering digitalisera digitaliserad tjänst tjänsten tjänster etjänst " +
  "system systemet systemstöd verktyg verktyget lösning lösningen plattform plattformen stöd " +
  "kommun kommunen kommunens kommunal kommunala förvaltning förvaltningen förvaltningens förvaltningar " +
  "verksamhet verksamheten verksamheter " +
  "invånare invånarna invånarnas medborgare medborgarna medarbetare medarbetarna personal personalen " +
  "behov behöver vill önskar ny nya nytt införa införande gemensam gemensamt gemensamma " +
  "ansöka ansökan ansökningar ansökningen söka sökande " +
  "manuell manuellt manuella papper pappersblankett blankett automatisk automatiskt " +
  "elektronisk elektroniskt webb webben online hantering hantera handläggning handläggare ärende ärendet ärenden " +
  "kunna använda tid snabbare enklare bättre"
).split(/\s+/);

// A small thesaurus of the municipal digitalisation domain: words that name the
// same thing map to a shared concept, so "e-underskrift" meets "signering" and
// "sopkärl" meets "avfallskärl". Single words only, given in any inflection
// (they are stemmed on load). A term also matches the start or the end of a
// compound ("skolskjutsansökan", "dörrlås") unless written "=term" (exact only).
const THESAURUS: Record<string, string> = {
  sign: "signering signera signatur underskrift underteckna undertecknande",
  eid: "bankid e-legitimation legitimation freja eid",
  schedule: "schema schemaläggning schemalägga",
  route: "rutt rutter körväg körvägar körrutt ruttoptimering ruttplanering",
  visit: "besök hembesök",
  fault: "=fel felanmälan felanmäla felrapport felrapportering",
  street: "gata gator väg vägar gatubelysning belysning potthål lekplats lekplatser klotter",
  waste: "avfall sopor sophämtning sopkärl soptunna avfallskärl papperskorg kärl renhållning tömning",
  fill: "fyllnadsgrad fyllnadsnivå =full =fulla nivåmätning nivåsensor",
  iot: "sensor sensorer givare iot uppkopplad uppkopplade",
  alert: "larm larma larmar signalera signalerar varning avisering",
  chatbot: "chattbot chatbot chattrobot assistent",
  chat: "chatt chatta",
  ai: "=ai maskininlärning språkmodell",
  lock: "=lås låsa dörrlås nyckel nycklar nyckelfri nyckelfria nyckelhantering nyckelskåp nyckelknippa",
  bi: "nyckeltal dashboard instrumentpanel beslutsstöd =bi visualisering statistik",
  schoolTransport: "skolskjuts skolresa",
  invoice: "faktura fakturor fakturering fakturaflöde",
  automation: "=rpa robot mjukvarurobot automatisering robotisera robotiserad",
  welfareAid: "försörjningsstöd bistånd socialbidrag",
  archive: "arkiv arkivering arkivera bevarande långtidsbevarande arkivlag",
  food: "livsmedel livsmedelsverksamhet livsmedelsanläggning livsmedelsföretagare",
  video: "video videomöte videosamtal videokonferens distansmöte",
  meeting: "möte möten sammanträde",
  feedback: "synpunkt synpunkter klagomål",
  attendance: "närvaro närvaroregistrering incheckning utcheckning",
  absence: "frånvaro sjukfrånvaro korttidsfrånvaro sjukskrivning",
  password: "lösenord",
  login: "inloggning tvåfaktor tvåfaktorsinloggning autentisering =mfa",
  selfService: "självservice självbetjäning",
  reset: "återställa återställning",
  meter: "mätare mätning mätvärde avläsning fjärravläsning",
  booking: "bokning boka bokningssystem tidsbokning onlinebokning reservation",
  venue: "idrottshall idrottshallar sporthall idrottsanläggning gymnastiksal möteslokal",
  staffing: "vikarie vikarier timvikarie bemanning bemanningsenhet",
  medication: "läkemedel medicin medicinering dosering doseringsautomat läkemedelsautomat dosett",
  preschool: "förskola förskoleplats barnomsorg fritidshem =fritids",
  queue: "=kö köplats köansökan placering placeringserbjudande",
  translation: "översättning översätta översatt maskinöversättning maskinöversatt flerspråkig",
  language: "språk modersmål arabiska somaliska engelska finska",
  interpreter: "tolk tolkning tolkförmedling",
  parking: "parkering parkeringsplats parkeringstillstånd",
  disability: "funktionsnedsättning funktionsvariation rörelsehinder rörelsehindrad funktionshinder",
  model3d: "=3d tvilling stadsmodell tredimensionell",
  urbanPlanning: "detaljplan översiktsplan stadsplanering samhällsplanering planarbete",
  digitalMail: "brevlåda kivra myndighetspost utskick",
  post: "=post brev porto papperspost",
  record: "journal journalföring journalsystem dokumentation dokumentera",
  schoolHealth: "elevhälsa skolsköterska skolläkare kurator skolpsykolog",
  tree: "träd trädregister beskärning nyplantering trädvård",
  map: "karta kartläggning kartlägga =gis =gps geografisk position positionering",
  energy: "energi =el elförbrukning värme fjärrvärme energiförbrukning",
  property: "fastighet fastigheter byggnad byggnader",
  trustee: "förvaltare ställföreträdare överförmyndare överförmyndarverksamhet",
  accounts: "årsräkning sluträkning redovisning",
  onboarding: "introduktion onboarding nyanställd nyanställda",
  wifi: "wifi wlan trådlöst trådlös",
  network: "nätverk =nät uppkoppling täckning",
  elderHome: "äldreboende omsorgsboende =boende",
  elderCare: "äldreomsorg =äldre",
  supervision: "tillsyn nattillsyn",
  night: "natt nattetid nattlig",
  camera: "kamera kameror kameraövervakning övervakning",
  mobile: "=app mobil mobilen mobiltelefon",
  buildingPermit: "bygglov marklov rivningslov bygganmälan",
  alcohol: "alkohol alkoholtillstånd serveringstillstånd krögare",
  paratransit: "färdtjänst riksfärdtjänst",
  schoolChoice: "skolval skolplacering",
  learning: "läromedel lärplattform",
  homeCare: "hemtjänst hemvård",
  social: "socialtjänst socialsekreterare familjeomsorg socialförvaltning",
  contactCenter: "kontaktcenter medborgarservice medborgarkontor servicecenter kundtjänst",
  reminder: "påminnelse påminna påminner sms notis",
  itSupport: "support servicedesk helpdesk",
  payroll: "lön lönesystem tidrapportering tidrapport",
  leak: "läcka läckor läckage",
  water: "vatten dricksvatten =va avlopp",
  maintenance: "underhåll underhållsplan underhållsplanering",
  indoorClimate: "inomhusklimat ventilation koldioxid luftkvalitet",
  contract: "avtal avtalsdatabas avtalshantering avtalsbevakning",
  procurement: "upphandling upphandla inköp handel beställning beställa",
  registry: "diarium diarieföring registrator",
  scan: "skanning skanna inskanning",
  cemetery: "grav gravplats kyrkogård",
  guardian: "vårdnadshavare förälder föräldrar",
  payment: "betalning betala avgift",
  recruitment: "rekrytering rekrytera jobbansökan annons annonsera kandidat =cv tjänstetillsättning",
  // School and preschool
  schoolMeal: "skolmat skolmåltid måltid skolrestaurang matsedel meny specialkost allergi allergier =kost kostenhet lunch",
  sickReport: "sjukanmälan sjukanmäla frånvaroanmälan",
  child: "barn elev elever ungdom ungdomar",
  teacher: "lärare pedagog pedagoger mentor förskollärare",
  lms: "lms learning elearning webbutbildning utbildningsplattform kursplattform",
  training: "utbildning utbildningar kurs kurser kompetensutveckling fortbildning",
  grades: "betyg bedömning omdöme",
  // Social services, elderly care, disability
  concern: "orosanmälan orosanmäla =oro",
  debtAdvice: "budgetrådgivning skuldrådgivning skuldsanering skuld skulder hushållsbudget",
  carePlan: "=sip samordnad samordning vårdplanering genomförandeplan",
  lss: "=lss funktionsstöd gruppbostad assistans",
  homeAdaptation: "bostadsanpassning anpassning",
  housing: "bostad bostäder lägenhet bostadskö hyresgäst",
  safetyAlarm: "trygghetslarm larmknapp personlarm",
  fall: "=fall =faller =fallit fallupptäckt fallsensor fallrisk fallprevention",
  dementia: "demens demenssjukdom kognitiv",
  relatives: "anhörig anhöriga",
  healthcare: "hemsjukvård sjukvård sjuksköterska vårdcentral",
  // Culture, leisure, associations
  grant: "bidrag stipendium aktivitetsstöd lokalbidrag föreningsstöd",
  association: "förening föreningar föreningsliv",
  library: "bibliotek låntagare lånekort",
  ebook: "böcker ljudbok ljudböcker",
  // Streets, transport, infrastructure, environment
  winterRoad: "snöröjning plogning ploga plogbil halkbekämpning sandning =snö snöfall",
  vehicle: "fordon fordonsflotta =bil =bilar",
  transit: "kollektivtrafik buss busskur hållplats",
  broadband: "bredband fiber fibernät fiberanslutning stadsnät",
  rural: "landsbygd glesbygd =by =byar kransort",
  vandalism: "skadegörelse vandalisering",
  drawing: "ritning ritningar",
  fire: "räddningstjänst brand brandskydd brandlarm",
  evCharging: "laddstolpe laddinfrastruktur laddplats elbil",
  solar: "solcell solceller solpanel",
  // Politics and administration
  politics: "politiker förtroendevald förtroendevalda ledamot ledamöter nämnd fullmäktige kommunstyrelse",
  meetingDocs: "kallelse protokoll sammanträdeshandlingar möteshandlingar nämndhandlingar föredragningslista",
  proposal: "förslag medborgarförslag medborgardialog namninsamling",
  vote: "omröstning votering rösta röst röster",
  broadcast: "webbsändning livesändning sända sändning",
  tablet: "surfplatta surfplattor läsplatta ipad",
  printing: "utskrift utskrifter",
  personnelFile: "personalakt anställningsavtal",
  // IT and communication
  security: "informationssäkerhet cybersäkerhet",
  speech: "transkribering transkribera taligenkänning diktering",
  openData: "=api",
  website: "webbplats hemsida intranät",
  socialMedia: "facebook instagram",
  business: "företag företagare näringsliv näringsidkare",
};

// Suffixes removed by the light stemmer, longest first. Only one is removed,
// and only if at least MIN_STEM characters remain.
const SUFFIXES = [
  "heternas", "heterna", "ningarnas", "ningarna", "ingarnas", "ingarna", "hetens", "ningens", "ningars", "ningen",
  "ningar", "ingens", "ingars", "ingen", "ingar", "arnas", "ernas", "ornas", "andet", "andes", "heten", "arna",
  "erna", "orna", "ande", "ende", "aste", "ning", "aren", "ens", "ets", "ing", "het", "are", "ade", "ad", "an", "ar",
  "er", "or", "en", "et", "na", "as", "es", "a", "e", "s",
].sort((x, y) => y.length - x.length);
const MIN_STEM = 3;

function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

// å, ä and ö in decomposed form: these accents are kept, all others dropped.
const KEPT_ACCENTS = new Set(["a\u030a", "a\u0308", "o\u0308"]);

/** Lowercase; keep å, ä, ö; drop other accents (é → e, ü → u); anything else separates words. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/(.)(\p{M}+)/gu, (_, base: string, marks: string) => (KEPT_ACCENTS.has(base + marks) ? base + marks : base))
    .normalize("NFC")
    .replace(/æ/g, "ä")
    .replace(/ø/g, "ö")
    .replace(/\bp-(?=tillstånd|plats)/g, "parkerings")
    .replace(/[^0-9a-zåäö]+/g, " ");
}

/** Stemmed content words of a text (stopwords and one-letter tokens dropped). */
function words(text: string): string[] {
  const out: string[] = [];
  for (const token of normalize(text).split(" ")) {
    if (token.length < 2 || STOPWORDS.has(token)) continue;
    out.push(stem(token));
  }
  return out;
}

const GENERIC = new Set(GENERIC_WORDS.map(stem));

type Term = { stem: string; concept: string; exactOnly: boolean };
const TERMS: Term[] = [];
const EXACT = new Map<string, string[]>();
for (const [concept, list] of Object.entries(THESAURUS)) {
  for (const raw of list.split(/\s+/)) {
    const exactOnly = raw.startsWith("=");
    for (const termStem of words(exactOnly ? raw.slice(1) : raw)) {
      TERMS.push({ stem: termStem, concept, exactOnly });
      const known = EXACT.get(termStem) ?? [];
      if (!known.includes(concept)) known.push(concept);
      EXACT.set(termStem, known);
    }
  }
}

const conceptCache = new Map<string, readonly string[]>();

/**
 * Concepts a stemmed word evokes: an exact thesaurus entry wins ("nyckeltal" is
 * a key figure, not a key); otherwise a term at the start (≥ 4 letters) or the
 * end (≥ 3 letters) of a compound counts.
 */
function conceptsOf(word: string): readonly string[] {
  const cached = conceptCache.get(word);
  if (cached) return cached;
  let found = EXACT.get(word) ?? [];
  if (found.length === 0) {
    const set = new Set<string>();
    for (const term of TERMS) {
      if (term.exactOnly || term.stem.length >= word.length) continue;
      if ((term.stem.length >= 4 && word.startsWith(term.stem)) || (term.stem.length >= 3 && word.endsWith(term.stem))) {
        set.add(term.concept);
      }
    }
    found = [...set];
  }
  if (conceptCache.size > 50_000) conceptCache.clear();
  conceptCache.set(word, found);
  return found;
}

// ---------------------------------------------------------------- vectors

type Vector = Map<string, number>;

function add(vector: Vector, key: string, weight: number): void {
  vector.set(key, (vector.get(key) ?? 0) + weight);
}

function fieldInto(wordVector: Vector, gramVector: Vector, text: string, fieldWeight: number): void {
  for (const word of words(text)) {
    const weight = fieldWeight * (GENERIC.has(word) ? PARAMS.genericWeight : 1);
    add(wordVector, word, weight);
    for (const concept of conceptsOf(word)) add(wordVector, `#${concept}`, fieldWeight * PARAMS.conceptWeight);
    const padded = `_${word}_`;
    if (padded.length <= PARAMS.ngram) {
      add(gramVector, padded, weight);
      continue;
    }
    for (let i = 0; i + PARAMS.ngram <= padded.length; i++) add(gramVector, padded.slice(i, i + PARAMS.ngram), weight);
  }
}

type Entry = { key: string; weight: number };
type Vectors = { words: Entry[]; grams: Entry[] };

/** Dampen repeated terms and scale to unit length. */
function unit(vector: Vector): Entry[] {
  const entries: Entry[] = [];
  let norm = 0;
  for (const [key, raw] of vector) {
    const weight = Math.sqrt(raw);
    entries.push({ key, weight });
    norm += weight * weight;
  }
  if (norm === 0) return [];
  const scale = 1 / Math.sqrt(norm);
  for (const entry of entries) entry.weight *= scale;
  return entries;
}

function vectorize(doc: SimilarityText): Vectors {
  const wordVector: Vector = new Map();
  const gramVector: Vector = new Map();
  fieldInto(wordVector, gramVector, doc.title ?? "", PARAMS.titleWeight);
  fieldInto(wordVector, gramVector, doc.need ?? "", 1);
  return { words: unit(wordVector), grams: unit(gramVector) };
}

function dot(a: Entry[], b: Entry[]): number {
  if (a.length > b.length) [a, b] = [b, a];
  if (a.length === 0) return 0;
  const lookup = new Map<string, number>();
  for (const entry of b) lookup.set(entry.key, entry.weight);
  let sum = 0;
  for (const entry of a) sum += entry.weight * (lookup.get(entry.key) ?? 0);
  return sum;
}

function blend(wordCosine: number, gramCosine: number): number {
  const score = PARAMS.wordShare * wordCosine + (1 - PARAMS.wordShare) * gramCosine;
  // Guard against rounding just above 1 for identical texts.
  return Math.min(1, Math.max(0, score));
}

/** Similarity of two initiatives in [0, 1]; symmetric; 0 when either has no content words. */
export function similarity(a: SimilarityText, b: SimilarityText): number {
  const va = vectorize(a);
  const vb = vectorize(b);
  return blend(dot(va.words, vb.words), dot(va.grams, vb.grams));
}

// ---------------------------------------------------------------- index

/**
 * A prepared candidate set: an inverted index from feature to (document, weight),
 * so a query touches only the documents that share at least one feature with it.
 */
export type SimilarityIndex = {
  readonly ids: readonly string[];
  readonly wordPostings: ReadonlyMap<string, Postings>;
  readonly gramPostings: ReadonlyMap<string, Postings>;
};
type Postings = { docs: number[]; weights: number[] };

function post(postings: Map<string, Postings>, entries: Entry[], doc: number): void {
  for (const { key, weight } of entries) {
    let list = postings.get(key);
    if (!list) {
      list = { docs: [], weights: [] };
      postings.set(key, list);
    }
    list.docs.push(doc);
    list.weights.push(weight);
  }
}

export function prepareCorpus(candidates: readonly SimilarityDoc[]): SimilarityIndex {
  const wordPostings = new Map<string, Postings>();
  const gramPostings = new Map<string, Postings>();
  candidates.forEach((candidate, doc) => {
    const vectors = vectorize(candidate);
    post(wordPostings, vectors.words, doc);
    post(gramPostings, vectors.grams, doc);
  });
  return { ids: candidates.map((c) => c.id), wordPostings, gramPostings };
}

function accumulate(into: Float64Array, postings: ReadonlyMap<string, Postings>, query: Entry[]): void {
  for (const { key, weight } of query) {
    const list = postings.get(key);
    if (!list) continue;
    const { docs, weights } = list;
    for (let i = 0; i < docs.length; i++) into[docs[i]!]! += weight * weights[i]!;
  }
}

export function findSimilarPrepared(
  index: SimilarityIndex,
  query: SimilarityText,
  options: SimilarityOptions = {},
): SimilarityMatch[] {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  const limit = options.limit ?? SIMILARITY_DEFAULT_LIMIT;
  if (limit <= 0 || index.ids.length === 0) return [];
  const vectors = vectorize(query);
  const wordScores = new Float64Array(index.ids.length);
  const gramScores = new Float64Array(index.ids.length);
  accumulate(wordScores, index.wordPostings, vectors.words);
  accumulate(gramScores, index.gramPostings, vectors.grams);
  const matches: SimilarityMatch[] = [];
  for (let doc = 0; doc < index.ids.length; doc++) {
    const id = index.ids[doc]!;
    if (options.excludeId !== undefined && id === options.excludeId) continue;
    const score = blend(wordScores[doc]!, gramScores[doc]!);
    if (score > 0 && score >= threshold) matches.push({ id, score });
  }
  matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return matches.slice(0, limit);
}

/** Existing initiatives that look like `query`, best first. */
export function findSimilar(
  query: SimilarityText,
  candidates: readonly SimilarityDoc[],
  options: SimilarityOptions = {},
): SimilarityMatch[] {
  return findSimilarPrepared(prepareCorpus(candidates), query, options);
}
