import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import enUS from '@/locales/en-US'
import { loginFailureText } from './login-failure'

describe('loginFailureText', () => {
  it('says a wrong password in the page language, whatever language the API answered in', () => {
    const i18n = createI18n({ legacy: false, locale: 'en-US', messages: { 'en-US': enUS } })
    const text = loginFailureText(i18n.global.t, { message: '用户名或密码错误', retryAfterSeconds: null, attemptsLeft: 4 })
    expect(text).toBe('Wrong username or password; 4 more failures will lock sign-in for a while')
  })
})
