import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { useCategoryBoard, type BoardOrg } from './useCategoryBoard'

const orgs: BoardOrg[] = [
  { id: 1, code: 'A', name: '变电运维党支部', unitType: 'GRASSROOTS', sortOrder: 1, category: 'I' },
  { id: 2, code: 'B', name: '输电党支部', unitType: 'GRASSROOTS', sortOrder: 2, category: 'II' },
  { id: 3, code: 'C', name: '办公室党支部', unitType: 'HEADQUARTERS', sortOrder: 3, category: null },
]

describe('useCategoryBoard', () => {
  it('puts orgs in their columns and keeps moves pending until saved', () => {
    const board = useCategoryBoard(ref(orgs))
    expect(board.columns.value.map((c) => c.orgs.map((o) => o.id))).toEqual([[3], [1], [2], []])

    board.move([3], 'III')
    expect(board.columns.value.find((c) => c.key === 'III')!.orgs.map((o) => o.id)).toEqual([3])
    expect(board.changes.value).toEqual([{ orgId: 3, category: 'III' }])

    board.move([3], 'NONE') // back where it was: nothing to save
    expect(board.changes.value).toEqual([])
  })

  it('drags the whole selection when a selected card is dragged, and bulk-assigns', () => {
    const board = useCategoryBoard(ref(orgs))
    board.toggle(1)
    board.toggle(2)
    expect(board.dragSet(1).sort()).toEqual([1, 2])
    expect(board.dragSet(3)).toEqual([3])

    board.assignSelected('III')
    expect(board.changes.value).toEqual([
      { orgId: 1, category: 'III' },
      { orgId: 2, category: 'III' },
    ])
    expect(board.selected.value.size).toBe(0)
    board.move([1], 'NONE')
    expect(board.changes.value).toContainEqual({ orgId: 1, category: null })
  })

  it('filters by name or code without losing pending moves', () => {
    const board = useCategoryBoard(ref(orgs))
    board.move([2], 'I')
    board.search.value = '办公室'
    expect(board.columns.value.flatMap((c) => c.orgs.map((o) => o.id))).toEqual([3])
    board.search.value = ''
    expect(board.columns.value.find((c) => c.key === 'I')!.orgs.map((o) => o.id)).toEqual([1, 2])
  })
})
