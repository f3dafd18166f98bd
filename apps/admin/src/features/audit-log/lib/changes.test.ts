import { describe, expect, it } from 'vitest'
import { auditChanges } from './changes'

describe('auditChanges', () => {
  it('lists only the fields that differ, including added and removed ones', () => {
    expect(
      auditChanges(
        { name: '输电党支部', active: true, sortOrder: 2 },
        { name: '输电运检党支部', active: true, parentId: 4 },
      ),
    ).toEqual([
      { field: 'name', before: '输电党支部', after: '输电运检党支部' },
      { field: 'sortOrder', before: '2', after: '' },
      { field: 'parentId', before: '', after: '4' },
    ])
  })

  it('handles a creation (no before) and compares nested values by content', () => {
    expect(auditChanges(null, { levels: [{ label: '好' }] })).toEqual([
      { field: 'levels', before: '', after: '[{"label":"好"}]' },
    ])
    expect(auditChanges({ levels: [1, 2] }, { levels: [1, 2] })).toEqual([])
  })

  it('leaves out the bookkeeping every write touches', () => {
    expect(auditChanges({ status: 'SUBMITTED', version: 3, updatedAt: 'a' }, { status: 'IN_PROGRESS', version: 4, updatedAt: 'b' })).toEqual([
      { field: 'status', before: 'SUBMITTED', after: 'IN_PROGRESS' },
    ])
  })
})
