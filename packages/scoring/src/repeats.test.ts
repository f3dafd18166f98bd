import { describe, expect, it } from 'vitest'
import { findRepeats } from './repeats'
import type { Id } from './types'

describe('findRepeats', () => {
  const previous = [
    { orgId: 1, problemCategoryId: 10 },
    { orgId: 1, problemCategoryId: 11 },
    { orgId: 2, problemCategoryId: 10 },
  ]

  it.each<[string, { id: Id; orgId: Id; problemCategoryId: Id }[], Id[]]>([
    ['same org and category', [{ id: 'a', orgId: 1, problemCategoryId: 10 }], ['a']],
    ['same category, other org', [{ id: 'a', orgId: 3, problemCategoryId: 10 }], []],
    ['same org, other category', [{ id: 'a', orgId: 2, problemCategoryId: 11 }], []],
    [
      'several findings of a repeated pair are all repeats',
      [
        { id: 'a', orgId: 1, problemCategoryId: 11 },
        { id: 'b', orgId: 1, problemCategoryId: 11 },
        { id: 'c', orgId: 1, problemCategoryId: 12 },
      ],
      ['a', 'b'],
    ],
    ['database and GraphQL ids match', [{ id: 'a', orgId: '2', problemCategoryId: '10' }], ['a']],
    ['no current findings', [], []],
  ])('%s', (_name, current, expected) => {
    expect([...findRepeats(current, previous)]).toEqual(expected)
  })

  it('finds nothing without a previous round', () => {
    expect(findRepeats([{ id: 1, orgId: 1, problemCategoryId: 10 }], []).size).toBe(0)
  })
})
