import type { App } from 'vue'
import { createI18n } from 'vue-i18n'
import enUS from '@/locales/en-US'
import zhCN, { type MessageSchema } from '@/locales/zh-CN'

export type AppLocale = 'zh-CN' | 'en-US'

// Dates are shown in China Standard Time whatever the browser's zone (docs/domain.md, "Time").
const datetime = {
  date: { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Shanghai' },
  datetime: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  },
} as const

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
  datetimeFormats: { 'zh-CN': datetime, 'en-US': datetime },
  missingWarn: false,
  fallbackWarn: false,
})

export function setupI18n(app: App) {
  app.use(i18n)
}

/** Translation outside components (guards, exchanges, discrete messages). */
export const t = (key: string, values?: Record<string, unknown>) =>
  values ? i18n.global.t(key, values) : i18n.global.t(key)
