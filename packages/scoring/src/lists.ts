import type { ListRow, ListsResult, RuleSet } from './types'

export const DEFAULT_RULE_SET: RuleSet = {
  redCategories: ['I', 'II'],
  blueLastCategories: ['I', 'II'],
  baseThresholdCategories: ['III'],
  baseThreshold: '98.00',
  redPoints: '1.50',
  bluePoints: '-1.50',
  thresholdPoints: '-0.50',
  quarterlyWeight: '0.40',
  warningDays: 7,
  rectificationDays: 30,
}

export function computeLists(_rows: readonly ListRow[], _rules: RuleSet): ListsResult {
  throw new Error('not implemented')
}
