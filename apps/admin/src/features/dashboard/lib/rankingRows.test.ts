import { describe, expect, it } from 'vitest'
import { rankingRows, type RankingColumns } from './rankingRows'

const table: RankingColumns = {
  assessmentIds: [31, 17, 52],
  orgNames: ['变电运维一支部', '营销党支部', '后勤党支部'],
  ranks: [1, 1, null],
  bases: ['95.50', '95.00', null],
  bonuses: ['1.00', '1.50', null],
  totals: ['96.50', '96.50', null],
  listMarks: ['RED', 'RED', null],
  rankChanges: [2, null, null],
  totalChanges: ['-0.50', null, null],
  findingCounts: [0, 3, null],
  openRectifications: [0, 2, null],
}

describe('rankingRows', () => {
  it('zips the columns into rows in their order, item i of every list going to row i', () => {
    expect(rankingRows(table)).toEqual([
      {
        assessmentId: 31,
        orgName: '变电运维一支部',
        rank: 1,
        base: '95.50',
        bonus: '1.00',
        total: '96.50',
        listMark: 'RED',
        rankChange: 2,
        totalChange: '-0.50',
        findingCount: 0,
        openRectifications: 0,
      },
      {
        assessmentId: 17,
        orgName: '营销党支部',
        rank: 1,
        base: '95.00',
        bonus: '1.50',
        total: '96.50',
        listMark: 'RED',
        rankChange: null,
        totalChange: null,
        findingCount: 3,
        openRectifications: 2,
      },
      {
        assessmentId: 52,
        orgName: '后勤党支部',
        rank: null,
        base: null,
        bonus: null,
        total: null,
        listMark: null,
        rankChange: null,
        totalChange: null,
        findingCount: null,
        openRectifications: null,
      },
    ])
  })

  it('keeps a zero apart from a missing value (0 findings is not "not visible")', () => {
    const [first] = rankingRows(table)
    expect(first!.findingCount).toBe(0)
    expect(rankingRows(table)[2]!.findingCount).toBeNull()
  })

  it('has no rows before the answer arrives or for an empty category', () => {
    expect(rankingRows(null)).toEqual([])
    expect(rankingRows(undefined)).toEqual([])
    const empty = Object.fromEntries(
      Object.keys(table).map((k) => [k, []]),
    ) as unknown as RankingColumns
    expect(rankingRows(empty)).toEqual([])
  })
})
