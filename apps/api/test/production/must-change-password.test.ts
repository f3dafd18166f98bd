import { describe, expect, it } from 'vitest'
import { errorCode, ok, useTestApi } from '../helpers'

// An account an admin created (or reset) carries a temporary password: until its owner changes
// it, the API opens nothing but me, changePassword and logout — on every path, not only the SPA's.
describe('temporary passwords', () => {
  const api = useTestApi({ seed: 'fixture' })

  it('must be changed before anything else, then everything the role allows opens', async () => {
    const admin = await api.login('admin')
    const created = await api.gql(
      `mutation { createUser(input: { username: "newleader", displayName: "新领导", role: LEADER, password: "Temp2026pass" }) { __typename ... on User { mustChangePassword } } }`,
      {},
      admin,
    )
    expect(ok(created).createUser).toEqual({ __typename: 'User', mustChangePassword: true })

    const temp = await api.login('newleader', 'Temp2026pass')
    expect(ok(await api.gql(`{ me { username mustChangePassword } }`, {}, temp)).me).toEqual({
      username: 'newleader',
      mustChangePassword: true,
    })
    const blocked = await api.gql(`{ areas { id } }`, {}, temp)
    expect(errorCode(blocked)).toBe('FORBIDDEN')
    expect(blocked.errors?.[0]?.extensions?.reason).toBe('PASSWORD_CHANGE')
    const download = await api.yoga.fetch('http://localhost/files/export/ranking.xlsx?roundId=1', {
      headers: { cookie: temp },
    })
    expect(download.status).toBe(401)

    const changed = await api.gql(
      `mutation { changePassword(currentPassword: "Temp2026pass", newPassword: "Mine2026pass") { __typename ... on User { mustChangePassword } } }`,
      {},
      temp,
    )
    expect(ok(changed).changePassword).toEqual({ __typename: 'User', mustChangePassword: false })
    const mine = await api.login('newleader', 'Mine2026pass')
    expect(ok(await api.gql(`{ areas { id } }`, {}, mine)).areas.length).toBeGreaterThan(0)
  })

  it('after an admin reset applies again', async () => {
    const admin = await api.login('admin')
    const id = (await api.prisma.user.findUniqueOrThrow({ where: { username: 'leader' } })).id
    ok(
      await api.gql(
        `mutation ($id: Int!) { resetUserPassword(id: $id, newPassword: "Reset2026pass") { __typename } }`,
        { id },
        admin,
      ),
    )
    const temp = await api.login('leader', 'Reset2026pass')
    expect(errorCode(await api.gql(`{ areas { id } }`, {}, temp))).toBe('FORBIDDEN')
  })
})
