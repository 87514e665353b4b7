import { describe, expect, it } from "vitest";
import {
  DEFAULT_CLASSIFIER_SETTINGS,
  REASON_CODES,
  classify,
  classifyMany,
  type ClassifierInput,
  type ClassifierSettings,
  type Suggestion,
} from "@/lib/domain/classifier";
import en from "@/lib/i18n/en.json";
import sv from "@/lib/i18n/sv.json";

const REASON_MESSAGES = { sv: sv.classifier.reasons, en: en.classifier.reasons };
import {
  blindInitiatives,
  classifierInitiatives,
  developmentInitiatives,
  heldOutInitiatives,
  type LabelledInitiative,
} from "@/tests/fixtures/classifier-initiatives";

const MIN_KIND_ACCURACY = 0.85;

const toInput = (i: LabelledInitiative): ClassifierInput => ({
  title: i.title,
  need: i.need,
  estimatedCostSek: i.estimatedCostSek,
  estimatedEffortHours: i.estimatedEffortHours,
  benefitRecipient: i.benefitRecipient,
  nature: i.nature,
  isReplacement: i.isReplacement ?? false,
});

const base: ClassifierInput = {
  title: "",
  need: "",
  estimatedCostSek: null,
  estimatedEffortHours: null,
  benefitRecipient: null,
  nature: null,
};

type Score = { correct: number; n: number; accuracy: number };
function score(items: LabelledInitiative[], ok: (item: LabelledInitiative, s: Suggestion) => boolean): Score {
  const suggestions = classifyMany(items.map(toInput));
  const correct = items.filter((item, k) => ok(item, suggestions[k]!)).length;
  return { correct, n: items.length, accuracy: items.length === 0 ? 1 : correct / items.length };
}
const show = (s: Score) => `${s.accuracy.toFixed(2)} (${s.correct}/${s.n})`;
const kindOk = (i: LabelledInitiative, s: Suggestion) => s.kind.value === i.kind;

const codesOf = (reasons: { code: string }[]) => reasons.map((r) => r.code);
const allReasons = (s: Suggestion) => [...s.kind.reasons, ...s.size.reasons, ...s.quadrant.reasons, ...s.track.reasons];

describe("triage classifier on the labelled fixture", () => {
  it("has a fixture of realistic size and mix", () => {
    expect(classifierInitiatives.length).toBeGreaterThanOrEqual(110);
    const infraShare = classifierInitiatives.filter((i) => i.kind === "INFRASTRUCTURE").length / classifierInitiatives.length;
    expect(infraShare).toBeGreaterThan(0.3);
    expect(infraShare).toBeLessThan(0.4);
  });

  it(`suggests the kind with accuracy ≥ ${MIN_KIND_ACCURACY}`, () => {
    const all = score(classifierInitiatives, kindOk);
    const dev = score(developmentInitiatives, kindOk);
    const heldOut = score(heldOutInitiatives, kindOk);
    const blind = score(blindInitiatives, kindOk);
    const hard = score(classifierInitiatives.filter((i) => i.hard), kindOk);
    console.log(
      `classifier kind accuracy ${show(all)}; development ${show(dev)}, held-out ${show(heldOut)}, blind ${show(blind)}, hard cases ${show(hard)}`,
    );
    const wrong = classifierInitiatives
      .map((item) => ({ item, s: classify(toInput(item)) }))
      .filter(({ item, s }) => s.kind.value !== item.kind)
      .map(({ item, s }) => `  ${item.kind === "INFRASTRUCTURE" ? "infra→business" : "business→infra"} (${s.kind.confidence}): ${item.title}`);
    if (wrong.length > 0) console.log(`misclassified kind:\n${wrong.join("\n")}`);
    expect(all.accuracy).toBeGreaterThanOrEqual(MIN_KIND_ACCURACY);
  });

  it("suggests size and track as the thresholds and routing say", () => {
    const size = score(classifierInitiatives, (i, s) => s.size.value === i.size);
    const track = score(classifierInitiatives, (i, s) => s.track.value === i.track);
    const sizeWrong = classifierInitiatives.filter((i) => classify(toInput(i)).size.value !== i.size).map((i) => i.title);
    console.log(`classifier size accuracy ${show(size)}, track accuracy ${show(track)}`);
    expect(sizeWrong).toEqual([]);
    expect(size.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("rarely flags the quadrant when the department stated it correctly", () => {
    const suggestions = classifyMany(classifierInitiatives.map(toInput));
    const flagged = suggestions.filter((s) => s.quadrant.flagged).length;
    const agree = suggestions.filter((s) => s.quadrant.suggested === s.quadrant.stated).length;
    console.log(
      `classifier quadrant: flagged ${flagged}/${suggestions.length} correctly stated initiatives; suggestion equals stated quadrant in ${agree}/${suggestions.length}`,
    );
    expect(flagged / suggestions.length).toBeLessThanOrEqual(0.1);
  });

  it("keeps confidences within 0..1 and uses only reason codes that have messages", () => {
    const svKeys = Object.keys(REASON_MESSAGES.sv).sort();
    expect(Object.keys(REASON_MESSAGES.en).sort()).toEqual(svKeys);
    expect([...REASON_CODES].sort()).toEqual(svKeys);
    for (const key of svKeys) expect(key).not.toContain(".");
    for (const s of classifyMany(classifierInitiatives.map(toInput))) {
      for (const c of [s.kind.confidence, s.size.confidence]) {
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
      }
      for (const code of codesOf(allReasons(s))) expect(svKeys).toContain(code);
    }
  });

  it("classifies 2,000 initiatives quickly (timing printed, not asserted)", () => {
    const inputs: ClassifierInput[] = [];
    const extras = ["", " Behovet finns i flera enheter.", " Vi har diskuterat detta sedan i våras.", " Brådskande inför nästa år."];
    for (let k = 0; inputs.length < 2_000; k++) {
      const item = classifierInitiatives[k % classifierInitiatives.length]!;
      const round = Math.floor(k / classifierInitiatives.length);
      inputs.push({
        ...toInput(item),
        title: round % 2 === 0 ? item.title : item.title.toUpperCase(),
        need: item.need + (extras[round % extras.length] ?? ""),
        estimatedCostSek: item.estimatedCostSek === null ? null : item.estimatedCostSek + round * 1_000,
      });
    }
    // A fresh settings object, so the vocabulary is compiled inside the timed call.
    const settings: ClassifierSettings = structuredClone(DEFAULT_CLASSIFIER_SETTINGS);
    const start = performance.now();
    const out = classifyMany(inputs, settings);
    const ms = performance.now() - start;
    console.log(`classifier: classifyMany on ${inputs.length} initiatives took ${ms.toFixed(0)} ms`);
    expect(out).toHaveLength(2_000);
  });
});

describe("triage classifier: size", () => {
  const sized = (estimatedCostSek: number | null, estimatedEffortHours: number | null) =>
    classify({ ...base, title: "E-tjänst för ansökan om bygglov", estimatedCostSek, estimatedEffortHours });

  it("suggests no size, and says so, when both cost and effort are unknown", () => {
    const s = sized(null, null);
    expect(s.size.value).toBeNull();
    expect(s.size.confidence).toBe(0);
    expect(codesOf(s.size.reasons)).toEqual(["size_unknown"]);
    expect(s.track.value).toBeNull();
    expect(codesOf(s.track.reasons)).toEqual(["track_size_unknown"]);
  });

  it("routes infrastructure even when the size is unknown", () => {
    const s = classify({ ...base, title: "Nya switchar och brandväggar i datahallen" });
    expect(s.kind.value).toBe("INFRASTRUCTURE");
    expect(s.size.value).toBeNull();
    expect(s.track.value).toBe("TECHNICAL");
  });

  it("puts thresholds inclusive on the smaller side", () => {
    expect(sized(200_000, 300).size.value).toBe("SMALL");
    expect(sized(200_001, 300).size.value).toBe("MEDIUM");
    expect(sized(200_000, 301).size.value).toBe("MEDIUM");
    expect(sized(2_000_000, 3_000).size.value).toBe("MEDIUM");
    expect(sized(2_000_001, 3_000).size.value).toBe("LARGE");
    expect(sized(2_000_000, 3_001).size.value).toBe("LARGE");
    expect(sized(0, 0).size.value).toBe("SMALL");
  });

  it("lets the larger category win and says which value decided", () => {
    const byEffort = sized(100_000, 5_000);
    expect(byEffort.size.value).toBe("LARGE");
    expect(codesOf(byEffort.size.reasons)).toContain("size_decided_by_effort");
    const byCost = sized(900_000, 100);
    expect(byCost.size.value).toBe("MEDIUM");
    expect(codesOf(byCost.size.reasons)).toContain("size_decided_by_cost");
    const agree = sized(50_000, 50);
    expect(codesOf(agree.size.reasons)).toContain("size_agree");
    expect(agree.size.confidence).toBeGreaterThan(byCost.size.confidence);
  });

  it("uses the known value with lower confidence when one is missing", () => {
    const costOnly = sized(1_000_000, null);
    const effortOnly = sized(null, 100);
    expect(costOnly.size.value).toBe("MEDIUM");
    expect(codesOf(costOnly.size.reasons)).toContain("size_effort_unknown");
    expect(effortOnly.size.value).toBe("SMALL");
    expect(codesOf(effortOnly.size.reasons)).toContain("size_cost_unknown");
    expect(costOnly.size.confidence).toBeLessThan(sized(1_000_000, 1_000).size.confidence);
    expect(costOnly.size.confidence).toBeGreaterThan(0);
  });

  it("is less confident close to a threshold", () => {
    const near = sized(195_000, null);
    expect(near.size.value).toBe("SMALL");
    expect(codesOf(near.size.reasons)).toContain("size_near_limit");
    expect(near.size.confidence).toBeLessThan(sized(50_000, null).size.confidence);
  });

  it("treats negative or non-finite estimates as unknown", () => {
    expect(sized(-5, Number.NaN).size.value).toBeNull();
  });
});

describe("triage classifier: kind", () => {
  const kindOf = (title: string, need = "") => classify({ ...base, title, need }).kind;

  it("names the matched words in the reasons", () => {
    const k = kindOf("Bättre wifi", "Nätverket på skolorna är för svagt och behöver fler accesspunkter.");
    expect(k.value).toBe("INFRASTRUCTURE");
    const reason = k.reasons.find((r) => r.code === "kind_infrastructure_terms");
    expect(String(reason?.params?.words)).toContain("wifi");
    expect(String(reason?.params?.words)).toContain("nätverk");
  });

  it("matches compounds, inflections, case and å/ä/ö", () => {
    expect(kindOf("SKOLNÄTVERKSUTRUSTNING").value).toBe("INFRASTRUCTURE");
    expect(kindOf("Äldreomsorgens planering").value).toBe("BUSINESS_DEVELOPMENT");
    expect(kindOf("Koppla konton till AD:n").value).toBe("INFRASTRUCTURE");
    // A decomposed "ä" (a + combining diaeresis) is the same letter.
    expect(kindOf("Na\u0308tverk").value).toBe("INFRASTRUCTURE");
    // Short terms do not match inside unrelated words ("ad" in "adress", "nät" in "nätter").
    expect(kindOf("Adresser och nätter").reasons.map((r) => r.code)).toContain("kind_no_terms");
  });

  it("handles the classic hard cases", () => {
    expect(kindOf("Ny integrationsplattform för e-tjänster").value).toBe("INFRASTRUCTURE");
    expect(kindOf("Wifi-baserad närvarorapportering för elever").value).toBe("BUSINESS_DEVELOPMENT");
  });

  it("defaults to business development with low confidence when nothing matches", () => {
    const k = kindOf("Något helt annat", "Vi vet inte riktigt ännu.");
    expect(k.value).toBe("BUSINESS_DEVELOPMENT");
    expect(k.confidence).toBe(0.5);
    expect(codesOf(k.reasons)).toEqual(["kind_no_terms"]);
  });

  it("is more confident with more one-sided evidence", () => {
    const strong = kindOf("Nya servrar, lagring och backup i datahallen");
    const weak = kindOf("Servrar för e-tjänst");
    expect(strong.value).toBe("INFRASTRUCTURE");
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
  });

  it("notes replacement investments", () => {
    const s = classify({ ...base, title: "Byte av verksamhetssystem för äldreomsorgen", isReplacement: true });
    expect(codesOf(s.kind.reasons)).toContain("kind_replacement");
  });
});

describe("triage classifier: settings change the result", () => {
  it("custom vocabulary", () => {
    const input = { ...base, title: "Ny lärplattform för grundskolan", estimatedCostSek: 100_000 };
    expect(classify(input).kind.value).toBe("BUSINESS_DEVELOPMENT");
    const settings = structuredClone(DEFAULT_CLASSIFIER_SETTINGS);
    settings.vocabulary.infrastructure.push("lärplattform");
    settings.vocabulary.businessDevelopment = settings.vocabulary.businessDevelopment.filter((w) => w !== "lärplattform");
    const s = classify(input, settings);
    expect(s.kind.value).toBe("INFRASTRUCTURE");
    expect(s.track.value).toBe("TECHNICAL");
    // The default settings are not affected by the copy.
    expect(classify(input).kind.value).toBe("BUSINESS_DEVELOPMENT");
  });

  it("custom thresholds", () => {
    const input = { ...base, title: "E-tjänst för bokning", estimatedCostSek: 150_000, estimatedEffortHours: 100 };
    expect(classify(input).size.value).toBe("SMALL");
    const settings = structuredClone(DEFAULT_CLASSIFIER_SETTINGS);
    settings.size.smallMaxCostSek = 100_000;
    const s = classify(input, settings);
    expect(s.size.value).toBe("MEDIUM");
    expect(s.track.value).toBe("PORTFOLIO");
  });

  it("custom routing", () => {
    const input = { ...base, title: "E-tjänst för bokning", estimatedCostSek: 500_000, estimatedEffortHours: 600 };
    expect(classify(input).track.value).toBe("PORTFOLIO");
    const settings = structuredClone(DEFAULT_CLASSIFIER_SETTINGS);
    settings.routing.businessMedium = "FAST_LANE";
    settings.routing.infrastructure = "PORTFOLIO";
    expect(classify(input, settings).track.value).toBe("FAST_LANE");
    expect(classify({ ...base, title: "Nya brandväggar" }, settings).track.value).toBe("PORTFOLIO");
  });

  it("classifyMany gives the same result as classify", () => {
    const inputs = classifierInitiatives.slice(0, 20).map(toInput);
    expect(classifyMany(inputs)).toEqual(inputs.map((i) => classify(i)));
  });
});

describe("triage classifier: quadrant check", () => {
  it("flags an obviously external text stated as internal", () => {
    const s = classify({
      ...base,
      title: "E-tjänst där invånare bokar tid hos budget- och skuldrådgivningen",
      need: "Medborgare och företagare ska själva kunna boka tid dygnet runt, utan att ringa.",
      benefitRecipient: "INTERNAL",
      nature: "EFFICIENCY",
    });
    expect(s.quadrant.stated).toBe("INTERNAL_EFFICIENCY");
    expect(s.quadrant.suggested).toBe("EXTERNAL_EFFICIENCY");
    expect(s.quadrant.flagged).toBe(true);
    const differs = s.quadrant.reasons.find((r) => r.code === "quadrant_recipient_differs");
    expect(differs?.params).toEqual({ stated: "INTERNAL", suggested: "EXTERNAL" });
  });

  it("flags an obvious pilot stated as efficiency", () => {
    const s = classify({
      ...base,
      title: "Pilot med AI och sensorer",
      need: "Vi vill testa om sensorer och AI kan förutse vattenläckor.",
      benefitRecipient: "INTERNAL",
      nature: "EFFICIENCY",
    });
    expect(s.quadrant.flagged).toBe(true);
    expect(codesOf(s.quadrant.reasons)).toContain("quadrant_nature_differs");
  });

  it("does not flag mixed or weak cues", () => {
    const mixed = classify({
      ...base,
      title: "E-tjänst för ansökan om parkeringstillstånd",
      need: "Invånare ansöker digitalt och handläggare slipper registrera för hand.",
      benefitRecipient: "INTERNAL",
      nature: "EFFICIENCY",
    });
    expect(mixed.quadrant.flagged).toBe(false);
    const weak = classify({ ...base, title: "Bättre stöd för invånare", benefitRecipient: "INTERNAL", nature: "EFFICIENCY" });
    expect(weak.quadrant.flagged).toBe(false);
  });

  it("suggests a quadrant without flagging when none is stated", () => {
    const s = classify({ ...base, title: "E-tjänst för vårdnadshavare", need: "Invånare ska kunna anmäla frånvaro i appen." });
    expect(s.quadrant.stated).toBeNull();
    expect(s.quadrant.flagged).toBe(false);
    expect(codesOf(s.quadrant.reasons)).toContain("quadrant_not_stated");
  });

  it("uses the reach description as a cue for who benefits", () => {
    const withoutReach = classify({ ...base, title: "Ny tjänst", benefitRecipient: "INTERNAL", nature: "INNOVATION" });
    const withReach = classify({
      ...base,
      title: "Ny tjänst",
      benefitRecipient: "INTERNAL",
      nature: "INNOVATION",
      reachDescription: "Alla invånare och företagare i kommunen, cirka 60 000 hushåll.",
    });
    expect(withoutReach.quadrant.flagged).toBe(false);
    expect(withReach.quadrant.suggested).toBe("EXTERNAL_INNOVATION");
    expect(withReach.quadrant.flagged).toBe(true);
  });
});
