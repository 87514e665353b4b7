// Triage classifier: suggests kind, size, PIOS quadrant and track for a submitted
// initiative, with reasons and a confidence. It only suggests; a DIG triager decides.
//
// Pure TypeScript, no dependencies, no Node APIs. Everything that a municipality may
// want to change (thresholds, routing, the words) is in ClassifierSettings.
//
// Kind: the title and need text are matched against two Swedish word lists
// (infrastructure vs business development). A vocabulary term matches a word
// case-insensitively (å, ä, ö are letters of their own) when the word
//   - is the term, or the term plus an inflection ("server" → "servern", "servrar" is
//     listed separately), or
//   - begins with the term: a compound whose first part is the term
//     ("nätverk" → "nätverksuttag"), for terms of four letters or more, or
//   - ends with the term plus an inflection: a compound whose last part is the term
//     ("omsorg" → "äldreomsorgen"), for terms of four letters or more, or
//   - contains the term in the middle, for terms of six letters or more
//     ("nätverk" → "skolnätverksuttag").
// Terms of three letters or less ("ad", "ai", "nät") only match as a whole word
// with an inflection ("AD:n", "nätet"). Multi-word terms ("digital tjänst") match
// consecutive words. Hyphenated words are matched whole and part by part.
//
// Where a term occurs decides how much it counts: in the head of the title (before
// the first preposition: "Ny integrationsplattform | för e-tjänster") it counts
// most; after it (who it is for, where, with what) and in the need text less; as
// the first part of a modifier ("wifi-baserad", "molnbaserad") least: those words
// describe the means, not what is being built. Each term counts once, at its
// strongest occurrence. The kind with the larger score wins; with no evidence, or a
// tie, the suggestion is business development with low confidence.
//
// Size: cost and effort estimates against the thresholds; the larger category of
// the known values wins. Both unknown → no size (the reason says so), never a guess.
//
// Quadrant: the department's stated quadrant against cues in the text (who
// benefits, efficiency vs innovation). It is flagged only when the text clearly
// points elsewhere: at least two cue terms for the other side and little for the
// stated side.
//
// Reasons are codes and parameters only; the UI renders them (classifier.reasons.* in lib/i18n).
import { quadrantOf, type Quadrant } from "./pios";

export type Kind = "INFRASTRUCTURE" | "BUSINESS_DEVELOPMENT";
export type Size = "SMALL" | "MEDIUM" | "LARGE";
export type Track = "FAST_LANE" | "PORTFOLIO" | "TECHNICAL";
export type Reason = { code: string; params?: Record<string, string | number> };

export type ClassifierSettings = {
  size: { smallMaxCostSek: number; smallMaxEffortHours: number; mediumMaxCostSek: number; mediumMaxEffortHours: number };
  routing: { infrastructure: Track; businessSmall: Track; businessMedium: Track; businessLarge: Track };
  vocabulary: {
    infrastructure: string[];
    businessDevelopment: string[];
    external: string[];
    internal: string[];
    innovation: string[];
    efficiency: string[];
  };
};

export type ClassifierInput = {
  title: string;
  need: string;
  estimatedCostSek: number | null;
  estimatedEffortHours: number | null;
  benefitRecipient: "INTERNAL" | "EXTERNAL" | null;
  nature: "EFFICIENCY" | "INNOVATION" | null;
  reachDescription?: string | null;
  isReplacement?: boolean;
};

export type Suggestion = {
  kind: { value: Kind; confidence: number; reasons: Reason[] };
  size: { value: Size | null; confidence: number; reasons: Reason[] };
  quadrant: { stated: Quadrant | null; suggested: Quadrant | null; flagged: boolean; reasons: Reason[] };
  track: { value: Track | null; reasons: Reason[] };
};

/** Every reason code the classifier emits (keys of classifier.reasons in lib/i18n/sv.json and en.json). */
export const REASON_CODES = [
  "kind_infrastructure_terms",
  "kind_business_terms",
  "kind_context_terms",
  "kind_no_terms",
  "kind_tie",
  "kind_replacement",
  "size_cost",
  "size_effort",
  "size_agree",
  "size_decided_by_cost",
  "size_decided_by_effort",
  "size_cost_unknown",
  "size_effort_unknown",
  "size_near_limit",
  "size_unknown",
  "quadrant_not_stated",
  "quadrant_external_cues",
  "quadrant_internal_cues",
  "quadrant_innovation_cues",
  "quadrant_efficiency_cues",
  "quadrant_no_cues",
  "quadrant_consistent",
  "quadrant_recipient_differs",
  "quadrant_nature_differs",
  "track_infrastructure",
  "track_business",
  "track_size_unknown",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

// ---------------------------------------------------------------- default settings

export const DEFAULT_CLASSIFIER_SETTINGS: ClassifierSettings = {
  size: { smallMaxCostSek: 200_000, smallMaxEffortHours: 300, mediumMaxCostSek: 2_000_000, mediumMaxEffortHours: 3_000 },
  routing: { infrastructure: "TECHNICAL", businessSmall: "FAST_LANE", businessMedium: "PORTFOLIO", businessLarge: "PORTFOLIO" },
  vocabulary: {
    // Shared technical capability that Digitalt center builds and runs.
    infrastructure: [
      // networks
      "nätverk", "nät", "stamnät", "stadsnät", "gästnätverk", "wifi", "wi-fi", "wlan", "trådlöst", "trådlösa", "accesspunkt",
      "switch", "switchar", "router", "routrar", "brandvägg", "segmentering", "vpn", "fjärråtkomst", "fiber", "bredband",
      "internetförbindelse", "internetuppkoppling", "kablage", "lorawan", "radionät", "dns",
      // servers, storage, data centre
      "server", "servrar", "serverhall", "serverrum", "datahall", "reservhall", "datacenter", "virtualisering", "hypervisor",
      "lagring", "lagringsmiljö", "backup", "säkerhetskopiering", "databasserver", "databasplattform", "kluster", "ups",
      "reservkraft", "hårdvara", "it-miljö", "infrastruktur", "moln",
      // clients, licences, office platform
      "klientdator", "klientdatorer", "datorer", "operativsystem", "uppgradering av operativsystem", "windows",
      "utrullning", "mdm", "enhetshantering", "licens", "licenser", "microsoft 365", "m365", "office 365", "exchange",
      "e-postserver", "skrivare", "utskrift", "telefoni", "växel", "mobiltelefoni", "mobilavtal",
      // identity and security
      "identitetshantering", "identitetstjänst", "behörighetsstyrning", "behörighetstilldelning", "behörighetshantering",
      "katalogtjänst", "ad", "active directory", "entra", "single sign-on", "sso", "enkel inloggning", "tvåfaktorsautentisering",
      "multifaktor", "mfa", "certifikat", "kryptering", "siem", "loggning", "intrång", "it-säkerhet", "sårbarhet",
      "säkerhetsuppdateringar", "patchning", "patchhantering", "övervakningssystem",
      // integration
      "integrationsplattform", "api-plattform", "integrationer",
    ],
    // Changes to how a department works or what it offers residents.
    businessDevelopment: [
      "e-tjänst", "digital tjänst", "digitala tjänster", "självservice", "självbetjäning", "arbetssätt", "process", "flöde",
      "handläggning", "handläggare", "ärende", "ärendehantering", "automatisering av ärenden", "ansökan", "ansöka",
      "anmälan", "felanmälan", "bokning", "boka", "beställa", "betala", "betalning", "bygglov", "tillstånd", "bidrag",
      "invånare", "medborgare", "brukare", "klienter", "patient", "vårdnadshavare", "elever", "elev", "hyresgäst", "besökare",
      "förening", "anhöriga", "ungdomar", "kund", "kunder",
      "vård", "omsorg", "hemtjänst", "boende", "undervisning", "lärande", "förskola", "bibliotek", "välfärdsteknik",
      "trygghetslarm", "läkemedel", "tillsyn", "inspektion",
      "kundtjänst", "kontaktcenter", "chattbot", "chatt", "app", "appen", "webbplats", "portal", "kundportal", "lärplattform",
      "karttjänst", "öppna data", "digital tvilling", "videomöten",
      "rekrytering", "introduktion", "utbildning", "kompetens", "schema", "schemaläggning", "planering", "uppföljning",
      "beslutsstöd", "statistik", "dokumentation", "signering", "e-underskrift", "attest", "faktura", "fakturor", "diarium",
      "diarieföring", "lönesystem", "e-handel", "verksamhetssystem", "verksamhetsutveckling", "tjänstedesign", "robot", "rpa",
      "blankett", "papper", "manuellt",
    ],
    // Cues that residents, companies or other outside parties benefit.
    external: [
      "invånare", "medborgare", "företag", "företagare", "näringsliv", "vårdnadshavare", "elever", "elev", "besökare", "brukare",
      "patient", "klienter", "sökande", "allmänheten", "hyresgäst", "hushåll", "kund", "kunder", "föreningar", "anhöriga",
      "ungdomar", "unga", "låntagare", "turister", "fastighetsägare", "e-tjänst", "självservice", "dygnet runt",
    ],
    // Cues that the organisation itself benefits.
    internal: [
      "handläggare", "handläggarna", "medarbetare", "anställda", "personal", "personalen", "internt", "interna", "administration",
      "administrativ", "ekonomi", "ekonomer", "chefer", "chef", "registratorer", "nämnd", "lön", "fakturor", "attest", "diarium",
      "förvaltningar", "kollegor", "tjänstepersoner", "nyanställda", "rekrytering",
    ],
    innovation: [
      "ny tjänst", "nya tjänster", "nytt arbetssätt", "nya arbetssätt", "pilot", "piloter", "testa", "prova", "pröva",
      "försök", "ai", "artificiell intelligens", "maskininlärning", "språkmodell", "sensorer", "sensor", "iot",
      "sakernas internet", "innovation", "innovativ", "utforska", "drönare", "digital tvilling", "vr", "virtual reality",
      "experiment", "testbädd", "för första gången",
    ],
    efficiency: [
      "effektivisera", "effektivare", "effektivitet", "automatisera", "automatisering", "automatiskt", "minska", "spara",
      "besparing", "manuellt", "för hand", "dubbelarbete", "snabbare", "frigöra tid", "frigöras", "kortare", "färre",
      "handläggningstid", "ledtid", "kostnader", "papper", "pappersblanketter", "ersätta", "standardisera", "förenkla",
    ],
  },
};

// ---------------------------------------------------------------- text handling

type Field = "title" | "need";
type Position = {
  forms: string[]; // the whole word (hyphens removed) and its hyphen parts
  field: Field;
  weight: number; // how much a term found here counts for the kind
};

const TITLE_HEAD_WEIGHT = 2;
const TITLE_CONTEXT_WEIGHT = 0.75;
const NEED_WEIGHT = 1;
const MODIFIER_FACTOR = 0.3;

// Prepositions that end the head of a title: what follows says for whom, where or with what.
const TITLE_CONTEXT_START = new Set(["för", "till", "åt", "på", "i", "inom", "hos", "vid", "med", "mot", "från", "via", "under"]);

// Endings of adjectival compounds that describe the means: "wifi-baserad", "molnbaserade".
const MODIFIER_ENDINGS = ["baserad", "baserade", "baserat", "stödd", "stödda", "stött", "styrd", "styrda", "styrt", "driven", "drivna", "drivet"];

// Inflections that may follow a term at the end of a word.
const INFLECTIONS = [
  "", "s", "n", "en", "et", "er", "ar", "or", "na", "a", "e", "t", "tt", "ns", "ens", "ets", "ers", "ars",
  "erna", "arna", "orna", "ernas", "arnas", "ornas", "ade", "at", "ad", "ande", "are", "ares",
];
const INFLECTION_SET = new Set(INFLECTIONS);

const WORD_PATTERN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

function normalise(text: string): string {
  // NFC so that a decomposed "å" (a + ring) is the same letter as a composed one;
  // ":n" in "AD:n", "API:er" is an inflection.
  return text.normalize("NFC").toLowerCase().replace(/:[\p{L}]+/gu, "");
}

function wordsOf(text: string): string[] {
  return normalise(text).match(WORD_PATTERN) ?? [];
}

function formsOf(word: string): string[] {
  if (!word.includes("-")) return [word];
  const parts = word.split("-").filter((p) => p.length > 0);
  return [parts.join(""), ...parts];
}

function isModifier(word: string): boolean {
  const joined = word.replace(/-/g, "");
  return MODIFIER_ENDINGS.some((ending) => joined.length > ending.length + 1 && joined.endsWith(ending));
}

function positionsOf(title: string, need: string): Position[] {
  const positions: Position[] = [];
  let inContext = false;
  for (const word of wordsOf(title)) {
    if (TITLE_CONTEXT_START.has(word)) inContext = true;
    const base = inContext ? TITLE_CONTEXT_WEIGHT : TITLE_HEAD_WEIGHT;
    positions.push({ forms: formsOf(word), field: "title", weight: isModifier(word) ? base * MODIFIER_FACTOR : base });
  }
  for (const word of wordsOf(need)) {
    positions.push({ forms: formsOf(word), field: "need", weight: isModifier(word) ? NEED_WEIGHT * MODIFIER_FACTOR : NEED_WEIGHT });
  }
  return positions;
}

/** Does one vocabulary word (already normalised, hyphens removed) match one word form of the text? */
function wordMatches(term: string, form: string): boolean {
  if (form === term) return true;
  if (form.length < term.length) return false;
  if (term.length <= 3) return form.startsWith(term) && INFLECTION_SET.has(form.slice(term.length));
  if (form.startsWith(term)) return true; // inflection or compound with the term first
  const at = form.lastIndexOf(term);
  if (at < 0) return false;
  if (at >= 2 && INFLECTION_SET.has(form.slice(at + term.length))) return true; // compound with the term last
  return term.length >= 6 && form.indexOf(term, 2) >= 2; // in the middle of a long compound
}

// ---------------------------------------------------------------- compiled vocabulary

type Category = keyof ClassifierSettings["vocabulary"];
const CATEGORIES: Category[] = ["infrastructure", "businessDevelopment", "external", "internal", "innovation", "efficiency"];

type CompiledTerm = { category: Category; label: string; words: number[] };
type CompiledVocabulary = {
  words: string[]; // distinct vocabulary words
  terms: CompiledTerm[];
  termsByFirstWord: Map<number, number[]>;
  memo: Map<string, number[]>; // text word form → ids of vocabulary words it matches
};

const MEMO_LIMIT = 50_000;
const compiledCache = new WeakMap<ClassifierSettings["vocabulary"], CompiledVocabulary>();

function compileVocabulary(vocabulary: ClassifierSettings["vocabulary"]): CompiledVocabulary {
  const cached = compiledCache.get(vocabulary);
  if (cached) return cached;
  const words: string[] = [];
  const wordIds = new Map<string, number>();
  const terms: CompiledTerm[] = [];
  const termsByFirstWord = new Map<number, number[]>();
  for (const category of CATEGORIES) {
    const seen = new Set<string>();
    for (const raw of vocabulary[category] ?? []) {
      const termWords = wordsOf(raw).map((w) => w.replace(/-/g, ""));
      const label = termWords.join(" ");
      if (termWords.length === 0 || seen.has(label)) continue;
      seen.add(label);
      const ids = termWords.map((w) => {
        let id = wordIds.get(w);
        if (id === undefined) {
          id = words.length;
          words.push(w);
          wordIds.set(w, id);
        }
        return id;
      });
      const termIndex = terms.length;
      terms.push({ category, label: raw.trim().toLowerCase(), words: ids });
      const first = ids[0]!;
      const list = termsByFirstWord.get(first);
      if (list) list.push(termIndex);
      else termsByFirstWord.set(first, [termIndex]);
    }
  }
  const compiled: CompiledVocabulary = { words, terms, termsByFirstWord, memo: new Map() };
  compiledCache.set(vocabulary, compiled);
  return compiled;
}

function matchingWordIds(vocab: CompiledVocabulary, form: string): number[] {
  let ids = vocab.memo.get(form);
  if (ids) return ids;
  ids = [];
  for (let i = 0; i < vocab.words.length; i++) if (wordMatches(vocab.words[i]!, form)) ids.push(i);
  if (vocab.memo.size >= MEMO_LIMIT) vocab.memo.clear();
  vocab.memo.set(form, ids);
  return ids;
}

type TermHit = { term: CompiledTerm; weight: number; field: Field };

/** Each matched term once, at its strongest occurrence. */
function findTerms(vocab: CompiledVocabulary, positions: Position[]): Map<CompiledTerm, TermHit> {
  const matched: Set<number>[] = positions.map((p) => {
    const set = new Set<number>();
    for (const form of p.forms) for (const id of matchingWordIds(vocab, form)) set.add(id);
    return set;
  });
  const hits = new Map<CompiledTerm, TermHit>();
  for (let p = 0; p < positions.length; p++) {
    for (const wordId of matched[p]!) {
      for (const termIndex of vocab.termsByFirstWord.get(wordId) ?? []) {
        const term = vocab.terms[termIndex]!;
        let ok = true;
        for (let k = 1; k < term.words.length && ok; k++) {
          const next = matched[p + k];
          const sameField = positions[p + k]?.field === positions[p]!.field;
          ok = next !== undefined && sameField && next.has(term.words[k]!);
        }
        if (!ok) continue;
        const position = positions[p]!;
        const previous = hits.get(term);
        if (!previous || previous.weight < position.weight) hits.set(term, { term, weight: position.weight, field: position.field });
      }
    }
  }
  return hits;
}

type Evidence = { score: number; terms: string[]; weakTerms: string[] };

function evidence(hits: Map<CompiledTerm, TermHit>, category: Category): Evidence {
  const list = [...hits.values()].filter((h) => h.term.category === category).sort((a, b) => b.weight - a.weight);
  // A term that is part of a longer matched term in the same category ("licens" inside
  // "licenser") is not counted twice.
  const kept = list.filter((h) => !list.some((o) => o !== h && o.term.label.length > h.term.label.length && o.term.label.includes(h.term.label)));
  return {
    score: kept.reduce((sum, h) => sum + h.weight, 0),
    terms: kept.map((h) => h.term.label),
    weakTerms: kept.filter((h) => h.weight < NEED_WEIGHT).map((h) => h.term.label),
  };
}

const words = (terms: string[]) => terms.join(", ");
const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

// ---------------------------------------------------------------- kind

function classifyKind(hits: Map<CompiledTerm, TermHit>, input: ClassifierInput): Suggestion["kind"] {
  const infra = evidence(hits, "infrastructure");
  const business = evidence(hits, "businessDevelopment");
  const reasons: Reason[] = [];
  let value: Kind;
  let confidence: number;
  const total = infra.score + business.score;
  if (total === 0) {
    value = "BUSINESS_DEVELOPMENT";
    confidence = 0.5;
    reasons.push({ code: "kind_no_terms" });
  } else {
    value = infra.score > business.score ? "INFRASTRUCTURE" : "BUSINESS_DEVELOPMENT";
    const margin = Math.abs(infra.score - business.score) / total; // 0..1
    const amount = total / (total + 1.5); // more evidence, more certainty
    confidence = 0.5 + 0.45 * margin * amount;
    const winner = value === "INFRASTRUCTURE" ? infra : business;
    const loser = value === "INFRASTRUCTURE" ? business : infra;
    const winnerCode = value === "INFRASTRUCTURE" ? "kind_infrastructure_terms" : "kind_business_terms";
    const loserCode = value === "INFRASTRUCTURE" ? "kind_business_terms" : "kind_infrastructure_terms";
    if (infra.score === business.score) reasons.push({ code: "kind_tie" });
    if (winner.terms.length > 0) reasons.push({ code: winnerCode, params: { words: words(winner.terms) } });
    if (loser.terms.length > 0) reasons.push({ code: loserCode, params: { words: words(loser.terms) } });
    const weak = [...winner.weakTerms, ...loser.weakTerms];
    if (weak.length > 0) reasons.push({ code: "kind_context_terms", params: { words: words(weak) } });
  }
  if (input.isReplacement) reasons.push({ code: "kind_replacement" });
  return { value, confidence: round2(clamp01(confidence)), reasons };
}

// ---------------------------------------------------------------- size

const SIZE_ORDER: Size[] = ["SMALL", "MEDIUM", "LARGE"];
const NEAR_LIMIT = 0.1; // within 10 % of a threshold the category is less certain

function known(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x) && x >= 0;
}

function category(value: number, smallMax: number, mediumMax: number): Size {
  return value <= smallMax ? "SMALL" : value <= mediumMax ? "MEDIUM" : "LARGE";
}

function nearLimit(value: number, limits: number[]): number | null {
  for (const limit of limits) if (limit > 0 && Math.abs(value - limit) <= limit * NEAR_LIMIT) return limit;
  return null;
}

function classifySize(input: ClassifierInput, s: ClassifierSettings["size"]): Suggestion["size"] {
  const cost = known(input.estimatedCostSek) ? input.estimatedCostSek : null;
  const hours = known(input.estimatedEffortHours) ? input.estimatedEffortHours : null;
  if (cost === null && hours === null) return { value: null, confidence: 0, reasons: [{ code: "size_unknown" }] };

  const reasons: Reason[] = [];
  const byCost = cost === null ? null : category(cost, s.smallMaxCostSek, s.mediumMaxCostSek);
  const byEffort = hours === null ? null : category(hours, s.smallMaxEffortHours, s.mediumMaxEffortHours);
  if (cost !== null && byCost) reasons.push({ code: "size_cost", params: { cost, size: byCost } });
  if (hours !== null && byEffort) reasons.push({ code: "size_effort", params: { hours, size: byEffort } });

  let value: Size;
  let confidence: number;
  let decidingLimit: { value: number; limit: number; unit: "SEK" | "HOURS" } | null = null;
  const costLimit = cost === null ? null : nearLimit(cost, [s.smallMaxCostSek, s.mediumMaxCostSek]);
  const effortLimit = hours === null ? null : nearLimit(hours, [s.smallMaxEffortHours, s.mediumMaxEffortHours]);
  if (byCost && byEffort) {
    const costRank = SIZE_ORDER.indexOf(byCost);
    const effortRank = SIZE_ORDER.indexOf(byEffort);
    if (costRank === effortRank) {
      value = byCost;
      confidence = 0.95;
      reasons.push({ code: "size_agree", params: { size: value } });
      // Near a limit only matters if both values are near one.
      if (costLimit !== null && effortLimit !== null) decidingLimit = { value: cost!, limit: costLimit, unit: "SEK" };
    } else if (costRank > effortRank) {
      value = byCost;
      confidence = 0.85;
      reasons.push({ code: "size_decided_by_cost", params: { size: value } });
      if (costLimit !== null) decidingLimit = { value: cost!, limit: costLimit, unit: "SEK" };
    } else {
      value = byEffort;
      confidence = 0.85;
      reasons.push({ code: "size_decided_by_effort", params: { size: value } });
      if (effortLimit !== null) decidingLimit = { value: hours!, limit: effortLimit, unit: "HOURS" };
    }
  } else if (byCost) {
    value = byCost;
    confidence = 0.6;
    reasons.push({ code: "size_effort_unknown", params: { size: value } });
    if (costLimit !== null) decidingLimit = { value: cost!, limit: costLimit, unit: "SEK" };
  } else {
    value = byEffort!;
    confidence = 0.6;
    reasons.push({ code: "size_cost_unknown", params: { size: value } });
    if (effortLimit !== null) decidingLimit = { value: hours!, limit: effortLimit, unit: "HOURS" };
  }
  if (decidingLimit) {
    confidence -= 0.15;
    reasons.push({ code: "size_near_limit", params: { limit: decidingLimit.limit, unit: decidingLimit.unit } });
  }
  return { value, confidence: round2(clamp01(confidence)), reasons };
}

// ---------------------------------------------------------------- quadrant

// A side is "clearly" indicated when it has at least two cue terms weighing at least
// CLEAR_SCORE and the other side has none, or is outnumbered CLEAR_RATIO to one in
// both terms and weight. Mixed texts ("invånare ansöker, handläggare slipper …") are
// never flagged.
const CLEAR_SCORE = 2;
const CLEAR_RATIO = 3;

type Dimension<T extends string> = { suggested: T | null; clear: T | null };

function direction<T extends string>(a: Evidence, aValue: T, b: Evidence, bValue: T): Dimension<T> {
  if (a.score === b.score) return { suggested: null, clear: null };
  const [top, topValue, other] = a.score > b.score ? [a, aValue, b] : [b, bValue, a];
  const outnumbered =
    other.terms.length === 0 || (top.terms.length >= CLEAR_RATIO * other.terms.length && top.score >= CLEAR_RATIO * other.score);
  const clear = top.score >= CLEAR_SCORE && top.terms.length >= 2 && outnumbered;
  return { suggested: topValue, clear: clear ? topValue : null };
}

function classifyQuadrant(hits: Map<CompiledTerm, TermHit>, input: ClassifierInput): Suggestion["quadrant"] {
  const stated = quadrantOf(input.benefitRecipient, input.nature);
  const reasons: Reason[] = [];
  const external = evidence(hits, "external");
  const internal = evidence(hits, "internal");
  const innovation = evidence(hits, "innovation");
  const efficiency = evidence(hits, "efficiency");
  if (stated === null) reasons.push({ code: "quadrant_not_stated" });
  if (external.terms.length > 0) reasons.push({ code: "quadrant_external_cues", params: { words: words(external.terms) } });
  if (internal.terms.length > 0) reasons.push({ code: "quadrant_internal_cues", params: { words: words(internal.terms) } });
  if (innovation.terms.length > 0) reasons.push({ code: "quadrant_innovation_cues", params: { words: words(innovation.terms) } });
  if (efficiency.terms.length > 0) reasons.push({ code: "quadrant_efficiency_cues", params: { words: words(efficiency.terms) } });

  const recipient = direction(external, "EXTERNAL" as const, internal, "INTERNAL" as const);
  const nature = direction(innovation, "INNOVATION" as const, efficiency, "EFFICIENCY" as const);
  if (recipient.suggested === null && nature.suggested === null) reasons.push({ code: "quadrant_no_cues" });

  const suggested = quadrantOf(recipient.suggested ?? input.benefitRecipient, nature.suggested ?? input.nature);
  let flagged = false;
  if (stated !== null) {
    if (recipient.clear !== null && recipient.clear !== input.benefitRecipient) {
      flagged = true;
      reasons.push({ code: "quadrant_recipient_differs", params: { stated: input.benefitRecipient!, suggested: recipient.clear } });
    }
    if (nature.clear !== null && nature.clear !== input.nature) {
      flagged = true;
      reasons.push({ code: "quadrant_nature_differs", params: { stated: input.nature!, suggested: nature.clear } });
    }
    if (!flagged && suggested === stated && (recipient.suggested !== null || nature.suggested !== null)) {
      reasons.push({ code: "quadrant_consistent", params: { quadrant: stated } });
    }
  }
  return { stated, suggested, flagged, reasons };
}

// ---------------------------------------------------------------- track

function classifyTrack(kind: Kind, size: Size | null, routing: ClassifierSettings["routing"]): Suggestion["track"] {
  if (kind === "INFRASTRUCTURE") return { value: routing.infrastructure, reasons: [{ code: "track_infrastructure", params: { track: routing.infrastructure } }] };
  if (size === null) return { value: null, reasons: [{ code: "track_size_unknown" }] };
  const track = size === "SMALL" ? routing.businessSmall : size === "MEDIUM" ? routing.businessMedium : routing.businessLarge;
  return { value: track, reasons: [{ code: "track_business", params: { size, track } }] };
}

// ---------------------------------------------------------------- entry points

function classifyCompiled(input: ClassifierInput, settings: ClassifierSettings, vocab: CompiledVocabulary): Suggestion {
  const hits = findTerms(vocab, positionsOf(input.title ?? "", input.need ?? ""));
  const kind = classifyKind(hits, input);
  const size = classifySize(input, settings.size);
  // Who is reached can also tell who benefits, so the reach text counts for the quadrant only.
  const quadrantHits = input.reachDescription
    ? new Map([...hits, ...findTerms(vocab, positionsOf("", input.reachDescription))].map(([t, h]) => [t, hits.get(t) ?? h]))
    : hits;
  const quadrant = classifyQuadrant(quadrantHits, input);
  const track = classifyTrack(kind.value, size.value, settings.routing);
  return { kind, size, quadrant, track };
}

export function classify(input: ClassifierInput, settings: ClassifierSettings = DEFAULT_CLASSIFIER_SETTINGS): Suggestion {
  return classifyCompiled(input, settings, compileVocabulary(settings.vocabulary));
}

export function classifyMany(inputs: ClassifierInput[], settings: ClassifierSettings = DEFAULT_CLASSIFIER_SETTINGS): Suggestion[] {
  const vocab = compileVocabulary(settings.vocabulary);
  return inputs.map((input) => classifyCompiled(input, settings, vocab));
}
