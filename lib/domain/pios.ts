// The PIOS balance model: benefit recipient × nature gives one of four quadrants.
export type BenefitRecipient = "INTERNAL" | "EXTERNAL";
export type Nature = "EFFICIENCY" | "INNOVATION";
export type Quadrant = "INTERNAL_EFFICIENCY" | "INTERNAL_INNOVATION" | "EXTERNAL_EFFICIENCY" | "EXTERNAL_INNOVATION";

export const QUADRANTS: Quadrant[] = ["INTERNAL_EFFICIENCY", "INTERNAL_INNOVATION", "EXTERNAL_EFFICIENCY", "EXTERNAL_INNOVATION"];

export function quadrantOf(recipient: BenefitRecipient | null | undefined, nature: Nature | null | undefined): Quadrant | null {
  return recipient && nature ? (`${recipient}_${nature}` as Quadrant) : null;
}

export function splitQuadrant(quadrant: Quadrant): { benefitRecipient: BenefitRecipient; nature: Nature } {
  const [benefitRecipient, nature] = quadrant.split("_") as [BenefitRecipient, Nature];
  return { benefitRecipient, nature };
}
