// The kinds of benefit and how certain one is, as plain constants: the initiative form reads them
// in the browser, the schemas in initiative.ts validate against them.
export const BENEFIT_CATEGORIES = ["FINANCIAL", "REALLOCATION", "QUALITY", "ENVIRONMENT"] as const;
export const BENEFIT_CERTAINTIES = ["GREEN", "YELLOW", "RED"] as const;
