import type { Router } from 'vue-router'
import { t } from '@/plugins/i18n'

export function setupTitleGuard(router: Router) {
  router.afterEach((to) => {
    const app = t('app.name')
    document.title = to.meta.titleKey ? `${t(to.meta.titleKey)} · ${app}` : app
  })
}
