import { describe, expect, it } from 'vitest'
import { fieldProblems } from '@/utils/fieldRules'
import { userRules } from './userForm'

const empty = { username: '', displayName: '', orgId: null, password: '' }

describe('userRules', () => {
  it('flags every missing field of a new branch user at once', () => {
    expect(fieldProblems(empty, userRules(true, 'BRANCH'))).toEqual({
      username: 'required',
      displayName: 'required',
      orgId: 'required',
      password: 'required',
    })
  })

  it('asks an org only of branch users, a username and password only when creating', () => {
    expect(fieldProblems(empty, userRules(true, 'INSPECTOR'))).not.toHaveProperty('orgId')
    expect(fieldProblems(empty, userRules(false, 'BRANCH'))).toEqual({ displayName: 'required', orgId: 'required' })
  })

  it('holds display names to the API’s 50 characters', () => {
    const draft = { username: 'trial', displayName: 'X'.repeat(200), orgId: 1, password: 'Trial@2026pw' }
    expect(fieldProblems(draft, userRules(true, 'BRANCH'))).toEqual({ displayName: 'tooLong' })
  })
})
