import type { App } from 'vue'
import { install } from '@urql/vue'
import { createSessionExpiryHandler } from '@/app/session-expiry'
import { createApiClient } from '@/graphql/client'
import { userMessage } from '@/graphql/errors'
import { withDiscrete } from '@/plugins/discrete-later'
import { t } from '@/plugins/i18n'
import { router, setRouteDataClient } from '@/router'
import { session } from '@/store/session'
import { loadCurrentUser } from '@/features/auth/api'

const onSessionExpired = createSessionExpiryHandler(router, session, () =>
  withDiscrete((api) => api.message.warning(t('auth.sessionExpired'))),
)

export const apiClient = createApiClient({
  onAuthentication: onSessionExpired,
  onConflict: () => {
    withDiscrete((api) => api.message.warning(t('error.conflict'), { duration: 6000 }))
  },
  onError: (error) => {
    const text = userMessage(error, t)
    withDiscrete((api) => api.message.error(text))
  },
})

export function setupUrql(app: App) {
  install(app, apiClient)
  session.setLoader(() => loadCurrentUser(apiClient))
  setRouteDataClient(apiClient)
}
