import { Client, fetchExchange } from '@urql/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadCurrentUser } from './api'
import { EARLY_SESSION_KEY, takeEarlySession } from './early-session'

const holder = window as unknown as Record<string, unknown>
const leader = {
  id: 3,
  username: 'leader',
  displayName: '公司领导',
  role: 'LEADER',
  orgId: 1,
  org: { id: 1, name: '本部' },
  mustChangePassword: false,
}

/** What the signed-in index.html leaves behind: the promise of the `me` answer's body. */
function sentEarly(body: unknown) {
  holder[EARLY_SESSION_KEY] = Promise.resolve(body)
}

afterEach(() => {
  delete holder[EARLY_SESSION_KEY]
})

describe('takeEarlySession', () => {
  it('has nothing when the page sent no early check', async () => {
    expect(await takeEarlySession()).toBeUndefined()
  })

  it('gives the signed-in user, once', async () => {
    sentEarly({ data: { me: leader } })
    expect(await takeEarlySession()).toEqual(leader)
    expect(await takeEarlySession()).toBeUndefined()
  })

  it('gives null for nobody signed in', async () => {
    sentEarly({ data: { me: null } })
    expect(await takeEarlySession()).toBeNull()
  })

  it('has nothing to use from an answer with errors or a failed request', async () => {
    sentEarly({ errors: [{ message: 'Too many requests' }], data: null })
    expect(await takeEarlySession()).toBeUndefined()
    holder[EARLY_SESSION_KEY] = Promise.reject(new Error('offline'))
    expect(await takeEarlySession()).toBeUndefined()
    // The inline script's own catch leaves undefined behind.
    sentEarly(undefined)
    expect(await takeEarlySession()).toBeUndefined()
  })
})

describe('loadCurrentUser', () => {
  const client = (fetchFn: typeof fetch) => new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch: fetchFn })
  const answer = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

  it('takes the early answer without asking the API again', async () => {
    const fetchFn = vi.fn(() => Promise.resolve(answer({ data: { me: null } })))
    sentEarly({ data: { me: leader } })
    expect(await loadCurrentUser(client(fetchFn))).toMatchObject({ username: 'leader', orgName: '本部', role: 'LEADER' })
    expect(fetchFn).not.toHaveBeenCalled()
  })

  it('takes an early "nobody" as nobody', async () => {
    const fetchFn = vi.fn(() => Promise.resolve(answer({ data: { me: leader } })))
    sentEarly({ data: { me: null } })
    expect(await loadCurrentUser(client(fetchFn))).toBeNull()
    expect(fetchFn).not.toHaveBeenCalled()
  })

  it('asks the API when the early check failed', async () => {
    const fetchFn = vi.fn(() => Promise.resolve(answer({ data: { me: leader } })))
    holder[EARLY_SESSION_KEY] = Promise.resolve(undefined)
    expect(await loadCurrentUser(client(fetchFn))).toMatchObject({ username: 'leader' })
    expect(fetchFn).toHaveBeenCalledTimes(1)
  })
})
