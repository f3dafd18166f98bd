import type { annualMessagesZhCN } from '../zh-CN/annual'

/** Texts of the annual roll-up page (年度考评). */
export const annualMessagesEnUS: typeof annualMessagesZhCN = {
  annual: {
    route: 'Annual evaluation',
    area: 'Area',
    org: 'Organization',
    category: 'Category',
    quarter: 'Q{q}',
    counted: 'Quarters',
    notCounted: 'Not counted for this quarter',
    quarterlyMean: 'Quarterly mean',
    quarterlyComponent: 'Quarterly part',
    componentsTotal: 'Components',
    total: 'Annual total',
    compute: 'Compute annual results',
    computed: 'Annual results computed for {n} organizations',
    computedAt: 'Computed {at}',
    saved: 'Saved the points of {org}',
    hint: "Quarterly results are the totals of this year's published rounds in the chosen area; component points are weighted as the rule set says. Compute again after changing points.",
    noQuarters: 'No published round this year yet',
    notComputed: 'Not computed yet: enter the components, then choose “Compute annual results”',
    loadFailed: 'Could not load the annual evaluation; please try again',
    pointsProblem: {
      required: 'Enter the points',
      number: 'Enter a number',
      negative: 'Points cannot be negative',
      places: 'At most two decimals',
      tooLarge: 'At most 9999',
    },
  },
}
