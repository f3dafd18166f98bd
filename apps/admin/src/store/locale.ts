import { computed, ref, watch } from 'vue'
import { dateEnUS, dateZhCN, enUS, zhCN } from 'naive-ui'
import { i18n, type AppLocale } from '@/plugins/i18n'

const STORAGE_KEY = 'redblue.locale'

function initialLocale(): AppLocale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  return saved === 'en-US' ? 'en-US' : 'zh-CN'
}

const locale = ref<AppLocale>(initialLocale())

watch(
  locale,
  (value) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, value)
    i18n.global.locale.value = value
    document.documentElement.lang = value
  },
  { immediate: true },
)

/** The UI language: Chinese by default; naive-ui's component and date locales follow it. */
export function useLocaleStore() {
  return {
    locale,
    naiveLocale: computed(() => (locale.value === 'en-US' ? enUS : zhCN)),
    naiveDateLocale: computed(() => (locale.value === 'en-US' ? dateEnUS : dateZhCN)),
    setLocale(value: AppLocale) {
      locale.value = value
    },
  }
}
