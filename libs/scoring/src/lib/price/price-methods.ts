import { PriceMethod } from '@openbrief/contracts';

export interface PriceMethodText {
  /** Short name, for a choice in the editor. */
  label: string;
  /** The formula in words, with "the marks for price" standing for the weight. */
  formula: string;
  /** One or two sentences on what the method does, for suppliers (tender pack, tender page). */
  explanation: string;
  /** Lower-case phrase for a list of changes ("price marked in proportion to the lowest"). */
  phrase: string;
}

/** The words every app and document uses for the price methods, so none keeps its own copy. */
export const PRICE_METHODS: Record<PriceMethod, PriceMethodText> = {
  [PriceMethod.Proportional]: {
    label: 'In proportion to the lowest price',
    formula: 'Score = lowest price ÷ this price × the marks for price',
    explanation: 'The lowest price gets full marks; other prices get marks in proportion (lowest price ÷ your price).',
    phrase: 'price marked in proportion to the lowest',
  },
  [PriceMethod.DifferenceFromLowest]: {
    label: 'By how far the price is above the lowest',
    formula: 'Score = the marks for price × (1 − (this price − lowest price) ÷ lowest price), never below 0',
    explanation: 'The lowest price gets full marks; other prices lose marks by how far they are above the lowest.',
    phrase: 'price marked by its difference from the lowest',
  },
  [PriceMethod.RelativeToAverage]: {
    label: 'Against the average price',
    formula: 'Score = the marks for price × (0.5 + (average price − this price) ÷ average price), between 0 and the marks for price',
    explanation:
      'The average price gets half the marks; each 1% below the average adds 1% of the marks and each 1% above takes 1% away. ' +
      'No price scores below 0 or above full marks.',
    phrase: 'price marked against the average price',
  },
  [PriceMethod.LinearBudgetToFloor]: {
    label: 'On a straight line from the budget to a floor price',
    formula: 'Score = the marks for price × (ceiling − this price) ÷ (ceiling − floor), between 0 and the marks for price',
    explanation:
      'A price at or below the floor gets full marks and a price at or above the ceiling (the budget, unless the tender sets another) gets none, ' +
      'on a straight line between. A bid’s score does not depend on the other bids.',
    phrase: 'price marked on a straight line from the budget to a floor price',
  },
  [PriceMethod.PricePerQualityPoint]: {
    label: 'Price per quality point (value for money)',
    formula: 'Price per quality point = this price ÷ this bid’s quality marks; the lowest wins',
    explanation:
      'Each price is divided by the bid’s quality marks: the bid paying least per quality mark ranks first. Price has no marks of its own.',
    phrase: 'bids ranked by price per quality point',
  },
  [PriceMethod.Logarithmic]: {
    label: 'Logarithmic, from the lowest price',
    formula: 'Score = the marks for price × (1 − ln(this price ÷ lowest price) ÷ ln A), never below 0',
    explanation:
      'The lowest price gets full marks, and a price A times the lowest gets none. A bid 10% above the lowest loses the same marks ' +
      'whatever the lowest price is, so one very low bid does not crush the others’ scores.',
    phrase: 'price marked on a logarithmic scale from the lowest',
  },
  [PriceMethod.WholeLifeCost]: {
    label: 'Whole-life cost, in proportion to the lowest',
    formula:
      'Whole-life cost = Σ cost in year n ÷ (1 + discount rate)^n; score = lowest whole-life cost ÷ this whole-life cost × the marks for price',
    explanation:
      'One-off costs and every monthly or yearly charge over the contract’s term are added up, later years discounted to today’s money. ' +
      'The lowest whole-life cost gets full marks; others get marks in proportion.',
    phrase: 'price marked on whole-life cost in proportion to the lowest',
  },
};
