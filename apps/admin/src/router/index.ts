import type { Client } from '@urql/core'
import type { App } from 'vue'
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router'
import { session as appSession, type SessionStore } from '@/store/session'
import { setupGuards } from './guards'
import { routes } from './routes'
import { windowScroll } from './scroll'

let routeDataClient: Client | null = null

/** The API client the router sends pages' first queries with (router/guards/route-data.ts). */
export function setRouteDataClient(client: Client) {
  routeDataClient = client
}

export function createAppRouter(
  history: RouterHistory = createWebHistory(import.meta.env.BASE_URL),
  session: SessionStore = appSession,
  options = { progress: true },
) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: windowScroll,
  })
  setupGuards(router, session, options, () => routeDataClient)
  return router
}

export const router = createAppRouter()

export async function setupRouter(app: App) {
  app.use(router)
  await router.isReady()
}
