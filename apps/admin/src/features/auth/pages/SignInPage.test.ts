import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { install } from '@urql/vue'
import { createMemoryHistory } from 'vue-router'
import type { App } from 'vue'
import { createApiClient } from '@/graphql/client'
import { createAppRouter } from '@/router'
import { session } from '@/store/session'
import { mountWithApp, typeInto } from '../../../../test/helpers'
import SignInPage from './SignInPage.vue'

const user = {
  __typename: 'User',
  id: 1,
  username: 'admin',
  displayName: '李晓明',
  role: 'ADMIN',
  orgId: null,
  org: null,
  mustChangePassword: false,
}

async function mountSignIn(loginResult: unknown, path = '/sign-in?redirect=/rounds%3Fyear%3D2026') {
  const fetchFn = vi.fn<typeof fetch>(() =>
    Promise.resolve(new Response(JSON.stringify({ data: { login: loginResult } }), { headers: { 'content-type': 'application/json' } })),
  )
  const client = createApiClient({ onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }, 'http://api.test/graphql', fetchFn)
  session.clear()
  session.setLoader(() => Promise.resolve(session.user.value))
  const router = createAppRouter(createMemoryHistory(), session, { progress: false })
  await router.push(path)
  const wrapper = mountWithApp(SignInPage, {
    global: { plugins: [router, { install: (app: App) => install(app, client) }] },
  })
  return { wrapper, router, fetchFn }
}

describe('SignInPage', () => {
  it('signs in with Enter and lands on the page that was asked for', async () => {
    const { wrapper, router, fetchFn } = await mountSignIn(user)
    await typeInto(wrapper, '#sign-in-username', ' admin ')
    await typeInto(wrapper, '#sign-in-password', 'RedBlue@2026')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    // The target page is a lazily loaded chunk: give its first transform time.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/rounds?year=2026'), { timeout: 8000 })

    const body = JSON.parse(fetchFn.mock.calls[0]![1]!.body as string) as { variables: Record<string, string> }
    expect(body.variables).toEqual({ username: 'admin', password: 'RedBlue@2026' })
    expect(session.user.value?.displayName).toBe('李晓明')
  })

  it('shows the lockout beside the form and stays on sign-in', async () => {
    const { wrapper, router } = await mountSignIn({
      __typename: 'AuthenticationError',
      code: 'UNAUTHENTICATED',
      message: '尝试次数过多',
      reason: 'LOCKED',
      retryAfterSeconds: 840,
    })
    await typeInto(wrapper, '#sign-in-username', 'admin')
    await typeInto(wrapper, '#sign-in-password', 'wrong')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('.failure').text()).toContain('14 分钟')
    expect(router.currentRoute.value.name).toBe('sign-in')
    expect((wrapper.get('#sign-in-password').element as HTMLInputElement).value).toBe('')
    // The password we cleared is not flagged as missing, and the message has its room kept.
    expect(wrapper.text()).not.toContain('请输入密码')
    expect(wrapper.find('.failure-slot .failure').exists()).toBe(true)
  })

  it('says how many attempts are left after a wrong password', async () => {
    const { wrapper } = await mountSignIn({
      __typename: 'AuthenticationError',
      code: 'UNAUTHENTICATED',
      message: '用户名或密码错误',
      reason: 'WRONG_CREDENTIALS',
      retryAfterSeconds: null,
      attemptsLeft: 3,
    })
    await typeInto(wrapper, '#sign-in-username', 'admin')
    await typeInto(wrapper, '#sign-in-password', 'wrong')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('.failure').text()).toBe('用户名或密码错误，再失败 3 次将暂时锁定')
  })

  it('says when the lock ends, in China time', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T01:50:00Z') })
    try {
      const { wrapper } = await mountSignIn({
        __typename: 'AuthenticationError',
        code: 'UNAUTHENTICATED',
        message: '登录失败次数过多',
        reason: 'LOCKED',
        retryAfterSeconds: 900,
        attemptsLeft: null,
      })
      await typeInto(wrapper, '#sign-in-username', 'admin')
      await typeInto(wrapper, '#sign-in-password', 'wrong')
      await wrapper.get('form').trigger('submit')
      await flushPromises()
      // 01:50 UTC + 15 min = 10:05 in Beijing.
      expect(wrapper.get('.failure').text()).toBe('尝试次数过多，已暂时锁定，10:05 解锁（约 15 分钟后）')
    } finally {
      vi.useRealTimers()
    }
  })

  it('asks for both fields before calling the API', async () => {
    const { wrapper, fetchFn } = await mountSignIn(user)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(fetchFn).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('请输入用户名')
  })
})
