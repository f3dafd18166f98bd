import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_SET } from './lists'
import { roundResults, type RoundEntry } from './round-results'
import type { OrgCategory, RuleSet } from './types'

const entry = (
  orgId: string,
  category: OrgCategory,
  total: string,
  base = total,
  area = 'A',
): RoundEntry => ({ orgId, area, category, base, total })

/** [org, area, rank, mark, reasons, adjustment points] in result order. */
type Row = [string, string, number, 'RED' | 'BLUE' | null, string[], string[]]

function table(entries: RoundEntry[], rules: RuleSet = DEFAULT_RULE_SET): Row[] {
  return roundResults(entries, rules).map((r) => [
    String(r.entry.orgId),
    String(r.entry.area),
    r.rank,
    r.mark,
    r.reasons,
    r.adjustments.map((a) => `${a.reason} ${a.points}`),
  ])
}

describe('roundResults', () => {
  it.each<[string, RoundEntry[], Row[]]>([
    [
      'ranks each category apart, first and last of I and II listed with their adjustments',
      [
        entry('c', 'I', '95.00'),
        entry('a', 'I', '99.00'),
        entry('b', 'I', '97.00'),
        entry('d', 'II', '96.00'),
        entry('e', 'II', '98.50'),
      ],
      [
        ['a', 'A', 1, 'RED', ['FIRST_IN_CATEGORY'], ['RED_LIST 1.50']],
        ['b', 'A', 2, null, [], []],
        ['c', 'A', 3, 'BLUE', ['LAST_IN_CATEGORY'], ['BLUE_LIST -1.50']],
        ['e', 'A', 1, 'RED', ['FIRST_IN_CATEGORY'], ['RED_LIST 1.50']],
        ['d', 'A', 2, 'BLUE', ['LAST_IN_CATEGORY'], ['BLUE_LIST -1.50']],
      ],
    ],
    [
      'equal totals share a rank and the next rank skips (1, 1, 3)',
      [entry('a', 'II', '98.00'), entry('b', 'II', '98.0'), entry('c', 'II', '97.99')],
      [
        ['a', 'A', 1, 'RED', ['FIRST_IN_CATEGORY'], ['RED_LIST 1.50']],
        ['b', 'A', 1, 'RED', ['FIRST_IN_CATEGORY'], ['RED_LIST 1.50']],
        ['c', 'A', 3, 'BLUE', ['LAST_IN_CATEGORY'], ['BLUE_LIST -1.50']],
      ],
    ],
    [
      'category III: blue below the base threshold only, whatever the bonus; 98.00 is not blue',
      [entry('a', 'III', '99.00', '97.99'), entry('b', 'III', '98.00'), entry('c', 'III', '90.00')],
      [
        ['a', 'A', 1, 'BLUE', ['BELOW_THRESHOLD'], ['BELOW_THRESHOLD -0.50']],
        ['b', 'A', 2, null, [], []],
        ['c', 'A', 3, 'BLUE', ['BELOW_THRESHOLD'], ['BELOW_THRESHOLD -0.50']],
      ],
    ],
    [
      'an org alone in its category is first, not last',
      [entry('a', 'I', '90.00')],
      [['a', 'A', 1, 'RED', ['FIRST_IN_CATEGORY'], ['RED_LIST 1.50']]],
    ],
    [
      'each area is ranked and listed on its own, in the order areas first appear',
      [
        entry('x', 'I', '90.00', '90.00', 'B'),
        entry('x', 'I', '99.00', '99.00', 'A'),
        entry('y', 'I', '95.00', '95.00', 'B'),
        entry('y', 'I', '91.00', '91.00', 'A'),
      ],
      [
        ['y', 'B', 1, 'RED', ['FIRST_IN_CATEGORY'], ['RED_LIST 1.50']],
        ['x', 'B', 2, 'BLUE', ['LAST_IN_CATEGORY'], ['BLUE_LIST -1.50']],
        ['x', 'A', 1, 'RED', ['FIRST_IN_CATEGORY'], ['RED_LIST 1.50']],
        ['y', 'A', 2, 'BLUE', ['LAST_IN_CATEGORY'], ['BLUE_LIST -1.50']],
      ],
    ],
    ['no entries, no results', [], []],
  ])('%s', (_name, entries, expected) => {
    expect(table(entries)).toEqual(expected)
  })

  it('applies the year rule set: every rule met gives its own adjustment', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULE_SET,
      redCategories: ['III'],
      blueLastCategories: ['III'],
      redPoints: '2',
      thresholdPoints: '-1',
    }
    expect(
      table(
        [entry('a', 'III', '97.00'), entry('b', 'III', '96.00'), entry('c', 'I', '80.00')],
        rules,
      ),
    ).toEqual([
      ['c', 'A', 1, null, [], []],
      [
        'a',
        'A',
        1,
        'BLUE',
        ['FIRST_IN_CATEGORY', 'BELOW_THRESHOLD'],
        ['RED_LIST 2.00', 'BELOW_THRESHOLD -1.00'],
      ],
      [
        'b',
        'A',
        2,
        'BLUE',
        ['LAST_IN_CATEGORY', 'BELOW_THRESHOLD'],
        ['BLUE_LIST -1.50', 'BELOW_THRESHOLD -1.00'],
      ],
    ])
  })

  it('orders ties by the secondary order without changing their rank', () => {
    const entries = [entry('b', 'I', '98.00'), entry('a', 'I', '98.00'), entry('c', 'I', '97.00')]
    const results = roundResults(entries, DEFAULT_RULE_SET, (x, y) =>
      String(x.orgId).localeCompare(String(y.orgId)),
    )
    expect(results.map((r) => [r.entry.orgId, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ])
  })

  it('refuses an org twice in one area', () => {
    expect(() =>
      roundResults([entry('a', 'I', '99.00'), entry('a', 'III', '90.00')], DEFAULT_RULE_SET),
    ).toThrow(RangeError)
  })
})
