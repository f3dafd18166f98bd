import { describe, expect, it } from 'vitest'
import { annualRows, percent, pointsProblem, pointsText } from './annualTable'

describe('annualRows', () => {
  const orgs = [
    { id: 3, name: '三支部', sortOrder: 3, category: 'III' as const },
    { id: 1, name: '一支部', sortOrder: 1, category: 'I' as const },
    { id: 2, name: '二支部', sortOrder: 2, category: null },
  ]
  const quarters = [
    { quarter: 1, totals: new Map([[1, '96.50'], [3, '97.00']]) },
    { quarter: 2, totals: new Map([[1, '98.00']]) },
  ]

  it('orders by category then tree order and marks which quarters counted', () => {
    const rows = annualRows(orgs, ['REPORT'], [{ orgId: 1, code: 'REPORT', points: '90.00', version: 2 }], [], quarters)
    expect(rows.map((r) => r.orgName)).toEqual(['一支部', '三支部', '二支部'])
    expect(rows[0]).toMatchObject({ quarters: { 1: '96.50', 2: '98.00' }, counted: 2 })
    expect(rows[1]).toMatchObject({ quarters: { 1: '97.00', 2: null }, counted: 1 })
    expect(rows[2]!.counted).toBe(0)
    expect(rows[0]!.components.REPORT).toEqual({ points: '90.00', version: 2 })
    expect(rows[1]!.components.REPORT).toEqual({ points: null, version: null })
  })

  it('joins the computed result of the org', () => {
    const result = { orgId: 3, quarterlyMean: '97.00', quarterlyComponent: '38.80', componentsTotal: '0.00', total: '38.80' }
    const rows = annualRows(orgs, [], [], [result], quarters)
    expect(rows.find((r) => r.orgId === 3)!.result).toEqual(result)
    expect(rows.find((r) => r.orgId === 1)!.result).toBeNull()
  })
  it('counts the quarters the computed result says it counted', () => {
    const result = { orgId: 1, quarterlyMean: '96.50', quarterlyComponent: '38.60', componentsTotal: '0.00', total: '38.60', quarterCount: 1 }
    const rows = annualRows(orgs, [], [], [result], quarters)
    expect(rows.find((r) => r.orgId === 1)).toMatchObject({ counted: 1, result })
  })
})

describe('pointsProblem', () => {
  it('accepts 0–9999 with up to two decimals', () => {
    expect(pointsProblem('0')).toBeNull()
    expect(pointsProblem(' 95.5 ')).toBeNull()
    expect(pointsProblem('9999.00')).toBeNull()
  })
  it('names what is wrong', () => {
    expect(pointsProblem('')).toBe('required')
    expect(pointsProblem('abc')).toBe('number')
    expect(pointsProblem('1e3')).toBe('number')
    expect(pointsProblem('-1')).toBe('negative')
    expect(pointsProblem('90.123')).toBe('places')
    expect(pointsProblem('10000')).toBe('tooLarge')
  })
})

describe('percent', () => {
  it('shows a weight as a share', () => {
    expect(percent('0.30')).toBe('30%')
    expect(percent('0.4000')).toBe('40%')
  })
})

describe('pointsText', () => {
  it('shows two decimals', () => {
    expect(pointsText('85.5')).toBe('85.50')
    expect(pointsText('90')).toBe('90.00')
  })
})
