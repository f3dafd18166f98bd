import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_SET, computeLists } from './lists'
import { rankEntries } from './ranking'
import type { ListMarkEntry, ListRow, OrgCategory, RuleSet } from './types'

/** Rows as the API builds them: ranked by total within each category. */
function ranked(
  entries: { orgId: string; category: OrgCategory; base: string; total: string }[],
): ListRow[] {
  const categories = [...new Set(entries.map((e) => e.category))]
  return categories.flatMap((c) => rankEntries(entries.filter((e) => e.category === c)))
}

const org = (orgId: string, category: OrgCategory, total: string, base = total) => ({
  orgId,
  category,
  base,
  total,
})

function marks(
  rows: ListRow[],
  rules: RuleSet = DEFAULT_RULE_SET,
): [string, ListMarkEntry['mark'], string[]][] {
  return computeLists(rows, rules).marks.map((m) => [m.orgId as string, m.mark, m.reasons])
}

describe('computeLists', () => {
  it.each<[string, ListRow[], [string, 'RED' | 'BLUE', string[]][]]>([
    [
      'first and last in categories I and II',
      ranked([
        org('a', 'I', '99.00'),
        org('b', 'I', '97.00'),
        org('c', 'I', '95.00'),
        org('d', 'II', '96.00'),
        org('e', 'II', '98.50'),
      ]),
      [
        ['a', 'RED', ['FIRST_IN_CATEGORY']],
        ['c', 'BLUE', ['LAST_IN_CATEGORY']],
        ['e', 'RED', ['FIRST_IN_CATEGORY']],
        ['d', 'BLUE', ['LAST_IN_CATEGORY']],
      ],
    ],
    [
      'a tie for first puts every tied org on the red list',
      ranked([org('a', 'I', '99.00'), org('b', 'I', '99.00'), org('c', 'I', '95.00')]),
      [
        ['a', 'RED', ['FIRST_IN_CATEGORY']],
        ['b', 'RED', ['FIRST_IN_CATEGORY']],
        ['c', 'BLUE', ['LAST_IN_CATEGORY']],
      ],
    ],
    [
      'a tie for last puts every tied org on the blue list',
      ranked([org('a', 'II', '99.00'), org('b', 'II', '95.00'), org('c', 'II', '95.00')]),
      [
        ['a', 'RED', ['FIRST_IN_CATEGORY']],
        ['b', 'BLUE', ['LAST_IN_CATEGORY']],
        ['c', 'BLUE', ['LAST_IN_CATEGORY']],
      ],
    ],
    [
      'a category with a single org: it is first, not last',
      ranked([org('a', 'I', '80.00')]),
      [['a', 'RED', ['FIRST_IN_CATEGORY']]],
    ],
    [
      'a category where everyone ties: all first, nobody last',
      ranked([org('a', 'I', '97.00'), org('b', 'I', '97.00')]),
      [
        ['a', 'RED', ['FIRST_IN_CATEGORY']],
        ['b', 'RED', ['FIRST_IN_CATEGORY']],
      ],
    ],
    [
      'category III: base 97.99 is blue, 98.00 is not',
      ranked([org('a', 'III', '97.99'), org('b', 'III', '98.00'), org('c', 'III', '99.00')]),
      [['a', 'BLUE', ['BELOW_THRESHOLD']]],
    ],
    [
      'category III: the threshold looks at the base, so bonus does not rescue it',
      ranked([org('a', 'III', '100.49', '97.49'), org('b', 'III', '98.10', '98.10')]),
      [['a', 'BLUE', ['BELOW_THRESHOLD']]],
    ],
    [
      'category III: every org below 98, no red and no last-place rule',
      ranked([org('a', 'III', '90.00'), org('b', 'III', '80.00')]),
      [
        ['a', 'BLUE', ['BELOW_THRESHOLD']],
        ['b', 'BLUE', ['BELOW_THRESHOLD']],
      ],
    ],
    ['no rows', [], []],
  ])('%s', (_name, rows, expected) => {
    expect(marks(rows)).toEqual(expected)
  })

  it('creates the R5 adjustments with the rule set’s points', () => {
    const rows = ranked([
      org('a', 'I', '99.00'),
      org('b', 'I', '95.00'),
      org('c', 'III', '97.99'),
      org('d', 'III', '98.00'),
    ])
    expect(computeLists(rows, DEFAULT_RULE_SET).adjustments).toEqual([
      { orgId: 'a', category: 'I', reason: 'RED_LIST', points: '1.50' },
      { orgId: 'b', category: 'I', reason: 'BLUE_LIST', points: '-1.50' },
      { orgId: 'c', category: 'III', reason: 'BELOW_THRESHOLD', points: '-0.50' },
    ])
  })

  it('follows a custom rule set (threshold everywhere, different points)', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULE_SET,
      redCategories: ['I'],
      blueLastCategories: ['I'],
      baseThresholdCategories: ['I', 'II', 'III'],
      baseThreshold: '95',
      redPoints: '2',
      bluePoints: '-2',
      thresholdPoints: '-1',
    }
    const rows = ranked([
      org('a', 'I', '96.00', '94.00'), // first by total, but its base is below 95
      org('b', 'I', '90.00'),
      org('c', 'II', '99.00'),
      org('d', 'II', '94.99'),
    ])
    const result = computeLists(rows, rules)
    expect(result.marks.map((m) => [m.orgId, m.mark, m.reasons])).toEqual([
      ['a', 'BLUE', ['FIRST_IN_CATEGORY', 'BELOW_THRESHOLD']],
      ['b', 'BLUE', ['LAST_IN_CATEGORY', 'BELOW_THRESHOLD']],
      ['d', 'BLUE', ['BELOW_THRESHOLD']],
    ])
    expect(result.adjustments.map((a) => [a.orgId, a.reason, a.points])).toEqual([
      ['a', 'RED_LIST', '2.00'],
      ['a', 'BELOW_THRESHOLD', '-1.00'],
      ['b', 'BLUE_LIST', '-2.00'],
      ['b', 'BELOW_THRESHOLD', '-1.00'],
      ['d', 'BELOW_THRESHOLD', '-1.00'],
    ])
  })

  it('rejects an org listed twice', () => {
    expect(() =>
      computeLists(ranked([org('a', 'I', '99'), org('a', 'II', '99')]), DEFAULT_RULE_SET),
    ).toThrow(RangeError)
  })
})
