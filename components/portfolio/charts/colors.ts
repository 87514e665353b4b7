// Chart colours: each at least 3:1 against white (WCAG 1.4.11), and never the only cue —
// every chart has a legend and a table with the same figures.
export const QUADRANT_COLORS = {
  INTERNAL_EFFICIENCY: "#1d4e89",
  INTERNAL_INNOVATION: "#7e22ce",
  EXTERNAL_EFFICIENCY: "#b45309",
  EXTERNAL_INNOVATION: "#047857",
} as const;

export const SERIES = { primary: "#1d4e89", secondary: "#b45309", tertiary: "#047857" } as const;
