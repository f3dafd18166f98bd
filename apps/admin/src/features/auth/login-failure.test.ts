import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import enUS from '@/locales/en-US'
import zhCN from '@/locales/zh-CN'
import { loginFailureText, type LoginRefusal } from './login-failure'

const english = createI18n({ legacy: false, locale: 'en-US', messages: { 'en-US': enUS } }).global.t
const chinese = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN } }).global.t

/** As the API answers: its messages are Chinese whatever the page's language. */
const refusals: Record<string, LoginRefusal> = {
  wrong: { message: '用户名或密码错误', reason: 'WRONG_CREDENTIALS', retryAfterSeconds: null, attemptsLeft: 4 },
  locked: { message: '登录失败次数过多，已暂时锁定，请 15 分钟后再试', reason: 'LOCKED', retryAfterSeconds: 900, attemptsLeft: null },
  busy: { message: '登录请求过多，请稍后再试', reason: 'BUSY', retryAfterSeconds: 1, attemptsLeft: null },
  inactive: { message: '该账号已停用，请联系管理员', reason: 'INACTIVE', retryAfterSeconds: null, attemptsLeft: null },
}
// 2026-03-02 09:00 in China.
const now = new Date('2026-03-02T01:00:00Z')

describe('loginFailureText', () => {
  it('says every refusal in the page language, whatever language the API answered in', () => {
    expect(loginFailureText(english, refusals.wrong!, now)).toBe('Wrong username or password; 4 more failures will lock sign-in for a while')
    expect(loginFailureText(english, refusals.locked!, now)).toBe('Too many attempts: locked until 09:15 (about 15 min)')
    expect(loginFailureText(english, refusals.busy!, now)).toBe('Too many sign-ins at once; try again in a moment')
    expect(loginFailureText(english, refusals.inactive!, now)).toBe('This account is disabled; please contact your administrator')
    for (const refusal of Object.values(refusals)) expect(loginFailureText(english, refusal, now)).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('and in Chinese on a Chinese page', () => {
    expect(loginFailureText(chinese, refusals.wrong!, now)).toBe('用户名或密码错误，再失败 4 次将暂时锁定')
    expect(loginFailureText(chinese, refusals.busy!, now)).toBe('登录请求过多，请稍后再试')
    expect(loginFailureText(chinese, refusals.inactive!, now)).toBe('该账号已停用，请联系管理员')
  })

  it('a busy server is no lock: no unlock time is announced for it', () => {
    expect(loginFailureText(chinese, refusals.busy!, now)).not.toContain('解锁')
  })

  it('a wrong password with none left says the lock is on, never "0 more failures"', () => {
    expect(loginFailureText(chinese, { ...refusals.wrong!, attemptsLeft: 0 }, now)).toBe('用户名或密码错误，已暂时锁定，请稍后再试')
    expect(loginFailureText(english, { ...refusals.wrong!, attemptsLeft: 0 }, now)).toBe('Wrong username or password; sign-in is now locked for a while')
  })

  it('a wrong password without a count says just that', () => {
    expect(loginFailureText(english, { ...refusals.wrong!, attemptsLeft: null }, now)).toBe('Wrong username or password')
  })

  it('a refusal it does not know is shown as the API worded it', () => {
    expect(loginFailureText(english, { message: '请先登录', reason: 'SIGNED_OUT' }, now)).toBe('请先登录')
  })
})
