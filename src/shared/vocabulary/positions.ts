/**
 * The journey positions of spec 5: the four milestones a touch can hold (first touch, lead creation, opportunity
 * creation, closed won) and the touches between them. Their order here is the order of the weights, the breakdowns
 * and the Sankey's position layer everywhere.
 */
export const POSITIONS = [
  { name: 'FT', label: 'First touch', title: 'First touch' },
  { name: 'LC', label: 'Lead creation', title: 'Lead creation' },
  { name: 'OC', label: 'Opportunity creation', title: 'Opportunity creation' },
  { name: 'CW', label: 'Closed won', title: 'Closed won' },
  // "Middle" fits a breakdown row or a Sankey node; the weights editor says what the weight applies to.
  { name: 'MID', label: 'Middle', title: 'Middle touches' },
] as const satisfies readonly { name: string; label: string; title: string }[];

export type PositionName = (typeof POSITIONS)[number]['name'];

export const POSITION_NAMES: readonly PositionName[] = POSITIONS.map((position) => position.name);

/** A position's name where space is short: a breakdown row, a Sankey node. */
export const POSITION_LABELS = namesBy('label');

/** A position's name in full: what its abbreviation stands for. */
export const POSITION_TITLES = namesBy('title');

function namesBy(words: 'label' | 'title'): Record<PositionName, string> {
  return Object.fromEntries(POSITIONS.map((position) => [position.name, position[words]])) as Record<
    PositionName,
    string
  >;
}
