import { computed, ref, watch } from 'vue'
import { dateEnUS, dateZhCN, enUS, zhCN } from 'naive-ui'
import { i18n, type AppLocale } from '@/plugins/i18n'
import { LOCALE_STORAGE_KEY, savedLocale } from './saved-preferences'

const locale = ref<AppLocale>(savedLocale(LOCALE_STORAGE_KEY))

watch(
  locale,
  (value) => {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, value)
    i18n.global.locale.value = value
    // No document when the build renders the sign-in page in Node.
    if (globalThis.document) document.documentElement.lang = value
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
