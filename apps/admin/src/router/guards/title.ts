import { watch } from 'vue'
import type { RouteLocationNormalized, Router } from 'vue-router'
import { i18n, t } from '@/plugins/i18n'

function setTitle(route: RouteLocationNormalized) {
  const app = t('app.name')
  document.title = route.meta.titleKey ? `${t(route.meta.titleKey)} · ${app}` : app
}

/** The document title names the page, in the UI's language (also when the language changes). */
export function setupTitleGuard(router: Router) {
  router.afterEach((to) => setTitle(to))
  watch(i18n.global.locale, () => setTitle(router.currentRoute.value))
}
