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

const NEEDS_FOLDING = /[^\x00-\x7fåäö]/;
const WORD = /[0-9a-zåäö]+/g;

/**
 * Lowercase word tokens: å, ä and ö are kept, other accents dropped (é → e,
 * ü → u), and anything that is not a letter or digit separates words.
 */
function tokenize(text: string): string[] {
  let lower = text.toLowerCase();
  if (NEEDS_FOLDING.test(lower)) {
    lower = lower
      .normalize("NFD")
      .replace(/(.)(\p{M}+)/gu, (_, base: string, marks: string) => (KEPT_ACCENTS.has(base + marks) ? base + marks : base))
      .normalize("NFC")
      .replace(/æ/g, "ä")
      .replace(/ø/g, "ö");
  }
  if (lower.includes("p-")) lower = lower.replace(/\bp-(?=tillstånd|plats)/g, "parkerings");
  return lower.match(WORD) ?? [];
}

/** Stemmed content words of a text (stopwords and one-letter tokens dropped). */
function words(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
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

/**
 * Concepts a stemmed word evokes: an exact thesaurus entry wins ("nyckeltal" is
 * a key figure, not a key); otherwise a term at the start (≥ 4 letters) or the
 * end (≥ 3 letters) of a compound counts.
 */
function conceptsOf(word: string): string[] {
  const exact = EXACT.get(word);
  if (exact) return exact;
  const found = new Set<string>();
  for (const term of TERMS) {
    if (term.exactOnly || term.stem.length >= word.length) continue;
    if ((term.stem.length >= 4 && word.startsWith(term.stem)) || (term.stem.length >= 3 && word.endsWith(term.stem))) {
      found.add(term.concept);
    }
  }
  return [...found];
}

// Features are hashed into a fixed number of buckets per channel (words and
// concepts in one, n-grams in the other). Collisions are rare at this size and
// only add a negligible amount to a score; in exchange vectors are typed arrays
// and a query over thousands of candidates allocates next to nothing.
const BUCKETS = 1 << 17;

function bucket(key: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (BUCKETS - 1);
}

function gramsOf(word: string): number[] {
  const padded = `_${word}_`;
  if (padded.length <= PARAMS.ngram) return [bucket(padded)];
  const grams: number[] = [];
  for (let i = 0; i + PARAMS.ngram <= padded.length; i++) grams.push(bucket(padded.slice(i, i + PARAMS.ngram)));
  return grams;
}

/** What a token contributes, as feature buckets; null for stopwords. */
type TokenInfo = { word: number; weight: number; concepts: readonly number[]; grams: readonly number[] } | null;

// Tokens repeat a lot across a portfolio, so their analysis is memoised.
const tokenCache = new Map<string, TokenInfo>();
const TOKEN_CACHE_LIMIT = 100_000;

function tokenInfo(token: string): TokenInfo {
  const cached = tokenCache.get(token);
  if (cached !== undefined) return cached;
  let info: TokenInfo = null;
  if (token.length >= 2 && !STOPWORDS.has(token)) {
    const word = stem(token);
    info = {
      word: bucket(word),
      weight: GENERIC.has(word) ? PARAMS.genericWeight : 1,
      concepts: conceptsOf(word).map((concept) => bucket(`#${concept}`)),
      grams: gramsOf(word),
    };
  }
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(token, info);
  return info;
}

// ---------------------------------------------------------------- vectors

/** A unit-length sparse vector: bucket ids and their weights. */
type Sparse = { ids: Int32Array; weights: Float64Array };
type Vectors = { words: Sparse; grams: Sparse };

/**
 * Sums weights per bucket in a dense scratch array and remembers which
 * buckets it touched, so that reading and resetting cost only those.
 */
class Accumulator {
  private readonly values = new Float64Array(BUCKETS);
  private touched: number[] = [];

  add(id: number, weight: number): void {
    if (this.values[id] === 0) this.touched.push(id);
    this.values[id]! += weight;
  }

  /** The dampened (square root of the summed weight), unit-length vector; resets. */
  take(): Sparse {
    const n = this.touched.length;
    const ids = new Int32Array(n);
    const weights = new Float64Array(n);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const id = this.touched[i]!;
      const weight = Math.sqrt(this.values[id]!);
      ids[i] = id;
      weights[i] = weight;
      norm += weight * weight;
      this.values[id] = 0;
    }
    this.touched = [];
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let i = 0; i < n; i++) weights[i]! *= scale;
    }
    return { ids, weights };
  }

  /** Cosine of the accumulated vector with a unit vector spread out in `dense`; resets. */
  cosineWith(dense: Float64Array): number {
    let norm = 0;
    let dot = 0;
    for (const id of this.touched) {
      const weight = Math.sqrt(this.values[id]!);
      norm += weight * weight;
      dot += weight * dense[id]!;
      this.values[id] = 0;
    }
    this.touched = [];
    return norm > 0 ? dot / Math.sqrt(norm) : 0;
  }
}

/** A unit vector laid out densely for fast dot products; cleared after use. */
class Dense {
  readonly values = new Float64Array(BUCKETS);
  private ids: Int32Array = new Int32Array(0);

  load(vector: Sparse): Float64Array {
    this.clear();
    for (let i = 0; i < vector.ids.length; i++) this.values[vector.ids[i]!] = vector.weights[i]!;
    this.ids = vector.ids;
    return this.values;
  }

  clear(): void {
    for (const id of this.ids) this.values[id] = 0;
    this.ids = new Int32Array(0);
  }
}

// Scratch space, allocated on first use. JavaScript runs one call at a time and
// nothing here awaits, so sharing it between calls is safe.
let scratch: { words: Accumulator; grams: Accumulator; queryWords: Dense; queryGrams: Dense } | null = null;
function getScratch() {
  scratch ??= { words: new Accumulator(), grams: new Accumulator(), queryWords: new Dense(), queryGrams: new Dense() };
  return scratch;
}

function fieldInto(words: Accumulator, grams: Accumulator, text: string, fieldWeight: number): void {
  for (const token of tokenize(text ?? "")) {
    const info = tokenInfo(token);
    if (!info) continue;
    const weight = fieldWeight * info.weight;
    words.add(info.word, weight);
    for (const concept of info.concepts) words.add(concept, fieldWeight * PARAMS.conceptWeight);
    for (const gram of info.grams) grams.add(gram, weight);
  }
}

function accumulate(doc: SimilarityText): { words: Accumulator; grams: Accumulator } {
  const { words, grams } = getScratch();
  fieldInto(words, grams, doc.title, PARAMS.titleWeight);
  fieldInto(words, grams, doc.need, 1);
  return { words, grams };
}

function vectorize(doc: SimilarityText): Vectors {
  const { words, grams } = accumulate(doc);
  return { words: words.take(), grams: grams.take() };
}

function dot(a: Sparse, dense: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.ids.length; i++) sum += a.weights[i]! * dense[a.ids[i]!]!;
  return sum;
}

function blend(wordCosine: number, gramCosine: number): number {
  const score = PARAMS.wordShare * wordCosine + (1 - PARAMS.wordShare) * gramCosine;
  // Guard against rounding just outside [0, 1], e.g. for identical texts.
  return Math.min(1, Math.max(0, score));
}

/** Similarity of two initiatives in [0, 1]; symmetric; 0 when either has no content words. */
export function similarity(a: SimilarityText, b: SimilarityText): number {
  const va = vectorize(a);
  const vb = vectorize(b);
  const { queryWords, queryGrams } = getScratch();
  // Iterate the shorter vector against the longer one laid out densely: the
  // result does not depend on argument order.
  const [wShort, wLong] = va.words.ids.length <= vb.words.ids.length ? [va.words, vb.words] : [vb.words, va.words];
  const [gShort, gLong] = va.grams.ids.length <= vb.grams.ids.length ? [va.grams, vb.grams] : [vb.grams, va.grams];
  const wordCosine = dot(wShort, queryWords.load(wLong));
  const gramCosine = dot(gShort, queryGrams.load(gLong));
  queryWords.clear();
  queryGrams.clear();
  return blend(wordCosine, gramCosine);
}

// ---------------------------------------------------------------- search

type Options = Required<Pick<SimilarityOptions, "threshold" | "limit">> & Pick<SimilarityOptions, "excludeId">;

function resolve(options: SimilarityOptions): Options {
  return {
    threshold: options.threshold ?? SIMILARITY_THRESHOLD,
    limit: options.limit ?? SIMILARITY_DEFAULT_LIMIT,
    excludeId: options.excludeId,
  };
}

/** Keeps the best `limit` matches at or above the threshold. */
function collect(matches: SimilarityMatch[], options: Options): SimilarityMatch[] {
  matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return matches.slice(0, Math.max(0, options.limit));
}

function accept(score: number, id: string, options: Options): boolean {
  return score > 0 && score >= options.threshold && id !== options.excludeId;
}

/**
 * One candidate's vectors, computed once, compactly (a server keeps one per initiative): the word
 * and n-gram ids in one array, words first, and their weights in single precision (scores then
 * differ from findSimilar's in the seventh decimal at most).
 */
export type PreparedDoc = { readonly id: string; readonly ids: Int32Array; readonly weights: Float32Array; readonly split: number };

export function prepareDoc(doc: SimilarityDoc): PreparedDoc {
  const { words, grams } = vectorize(doc);
  const ids = new Int32Array(words.ids.length + grams.ids.length);
  const weights = new Float32Array(ids.length);
  ids.set(words.ids);
  ids.set(grams.ids, words.ids.length);
  weights.set(words.weights);
  weights.set(grams.weights, words.ids.length);
  return { id: doc.id, ids, weights, split: words.ids.length };
}

function preparedDot(doc: PreparedDoc, from: number, to: number, dense: Float64Array): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += doc.weights[i]! * dense[doc.ids[i]!]!;
  return sum;
}

/** Like findSimilar, over candidates prepared one by one with prepareDoc. */
export function findSimilarAmong(docs: Iterable<PreparedDoc>, query: SimilarityText, options: SimilarityOptions = {}): SimilarityMatch[] {
  return search(query, options, (wordDense, gramDense, visit) => {
    for (const doc of docs) visit(doc.id, () => blend(preparedDot(doc, 0, doc.split, wordDense), preparedDot(doc, doc.split, doc.ids.length, gramDense)));
  });
}

/**
 * Existing initiatives that look like `query`, best first: at most `limit`
 * (default 5) with a score of at least `threshold` (default
 * SIMILARITY_THRESHOLD), leaving out `excludeId` (the initiative itself).
 */
export function findSimilar(
  query: SimilarityText,
  candidates: readonly SimilarityDoc[],
  options: SimilarityOptions = {},
): SimilarityMatch[] {
  if (candidates.length === 0) return [];
  return search(query, options, (wordDense, gramDense, visit) => {
    for (const candidate of candidates) {
      visit(candidate.id, () => {
        const { words, grams } = accumulate(candidate);
        return blend(words.cosineWith(wordDense), grams.cosineWith(gramDense));
      });
    }
  });
}

/** The search both entry points share: vectorise the query, score each document, keep the best. */
function search(
  query: SimilarityText,
  options: SimilarityOptions,
  eachDocument: (wordDense: Float64Array, gramDense: Float64Array, visit: (id: string, score: () => number) => void) => void,
): SimilarityMatch[] {
  const opts = resolve(options);
  if (opts.limit <= 0) return [];
  const vectors = vectorize(query);
  if (vectors.words.ids.length === 0) return [];
  const { queryWords, queryGrams } = getScratch();
  const wordDense = queryWords.load(vectors.words);
  const gramDense = queryGrams.load(vectors.grams);
  const matches: SimilarityMatch[] = [];
  try {
    eachDocument(wordDense, gramDense, (id, score) => {
      if (id === opts.excludeId) return;
      const value = score();
      if (accept(value, id, opts)) matches.push({ id, score: value });
    });
  } finally {
    queryWords.clear();
    queryGrams.clear();
  }
  return collect(matches, opts);
}
