// The messages the ranking's client components word in the browser (for ClientMessages).
// Kept out of the "use client" module: a server component importing a value from one gets
// a client reference, not the value.
export const RANKING_MESSAGES = ["portfolio.components", "portfolio.component", "portfolio.unknownComponent"];
