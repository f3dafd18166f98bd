import { describe, expect, it } from 'vitest'
import { fieldProblem, fieldProblems } from './fieldRules'

describe('fieldProblem', () => {
  it.each([
    ['', { required: true }, 'required'],
    ['   ', { required: true, max: 5 }, 'required'],
    [null, { required: true }, 'required'],
    ['', { max: 5 }, null],
    ['甲乙丙丁戊', { required: true, max: 5 }, null],
    [' 甲乙丙丁戊 ', { max: 5 }, null],
    ['甲乙丙丁戊己', { max: 5 }, 'tooLong'],
    ['😀😀', { max: 2 }, null],
    [7, { required: true }, null],
  ] as const)('%j with %j: %s', (value, rule, want) => {
    expect(fieldProblem(value, rule)).toBe(want)
  })
})

describe('fieldProblems', () => {
  it('reports every field at once', () => {
    expect(
      fieldProblems(
        { username: '', displayName: '', orgId: null, note: 'x' },
        { username: { required: true }, displayName: { required: true, max: 50 }, orgId: { required: true }, note: { max: 5 } },
      ),
    ).toEqual({ username: 'required', displayName: 'required', orgId: 'required' })
  })
})
