import { DEMO_LOGINS } from '@redblue/db/seed'
import { describe, expect, it } from 'vitest'
import { ok, useTestApi } from './helpers'

/** The API over the real demo seed: every demo login works and the configuration is coherent. */

const api = useTestApi({ reset: 'file' })

describe('demo data through the API', () => {
  it('every demo login signs in with its role', async () => {
    for (const login of DEMO_LOGINS) {
      const cookie = await api.login(login.username, login.password)
      const me = ok(await api.gql(`{ me { username role } }`, {}, cookie)).me
      expect(me).toEqual({ username: login.username, role: login.role })
    }
  })

  it('has 31 assessed orgs in categories, 3 areas and 33 problem categories', async () => {
    const cookie = await api.login('leader')
    const data = ok(
      await api.gql(
        `query ($y: Int!) { orgs(assessedOnly: true) { category(year: $y) } areas { code } problemCategories { code } }`,
        { y: 2026 },
        cookie,
      ),
    )
    expect(data.orgs).toHaveLength(31)
    expect(new Set((data.orgs as { category: string }[]).map((o) => o.category))).toEqual(
      new Set(['I', 'II', 'III']),
    )
    expect(data.areas).toHaveLength(3)
    expect(data.problemCategories).toHaveLength(33)
  })

  it("every published scheme passes the scoring engine's validation", async () => {
    const cookie = await api.login('admin')
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      const schemes = ok(
        await api.gql(
          `query ($y: Int!) { schemes(year: $y, status: PUBLISHED) { name problems { code message } } }`,
          { y: year },
          cookie,
        ),
      ).schemes as { name: string; problems: unknown[] }[]
      for (const scheme of schemes) expect(scheme.problems, scheme.name).toEqual([])
    }
  })

  it('a BRANCH user reads its own org', async () => {
    const cookie = await api.login('branch1')
    const me = ok(await api.gql(`{ me { org { id name } } }`, {}, cookie)).me as {
      org: { id: number } | null
    }
    expect(me.org).not.toBeNull()
  })
})
