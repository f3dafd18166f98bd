import { describe, expect, it } from 'vitest'
import { layoutRoutes } from '@/router/routes'
import { activeMenuEntry, buildMenu } from './menu'

const names = (role: Parameters<typeof buildMenu>[1]) => buildMenu(layoutRoutes, role).flatMap((s) => s.entries.map((e) => e.name))

describe('buildMenu', () => {
  it('gives each role the pages it may open, grouped in order', () => {
    expect(buildMenu(layoutRoutes, 'ADMIN').map((s) => s.group)).toEqual(['work', 'config', 'system'])
    expect(names('ADMIN')).toEqual(expect.arrayContaining(['home', 'rounds', 'dashboard', 'schemes', 'users', 'audit-log']))
    expect(names('BRANCH')).toContain('my-org')
    expect(names('BRANCH')).not.toContain('dashboard')
    expect(names('BRANCH')).not.toContain('users')
  })
})

describe('activeMenuEntry', () => {
  it('is the page itself for a page in the menu', () => {
    expect(activeMenuEntry('ledger', 'ADMIN')).toBe('ledger')
  })

  it('is the list a detail page belongs to', () => {
    expect(activeMenuEntry('workbench-assessment', 'INSPECTOR')).toBe('workbench')
    expect(activeMenuEntry('round-detail', 'ADMIN')).toBe('rounds')
    expect(activeMenuEntry('drilldown-finding', 'LEADER')).toBe('dashboard')
    // A branch reaches the drill-down from its own results.
    expect(activeMenuEntry('drilldown-finding', 'BRANCH')).toBe('my-org')
  })

  it('is nothing for a route without a name', () => {
    expect(activeMenuEntry(undefined, 'ADMIN')).toBe('')
  })
})
