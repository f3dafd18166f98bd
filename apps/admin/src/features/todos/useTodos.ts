import { computed, onBeforeUnmount, ref, watch } from 'vue'
import { useRoute, useRouter, type RouteLocationRaw } from 'vue-router'
import { useQuery } from '@urql/vue'
import type { MyTodosQuery as MyTodosResult, TodoKind, WarningColour } from '@/generated/graphql'
import { MyTodosQuery } from './api'

type ApiTodo = MyTodosResult['myTodos']['items'][number]

export interface TodoItem {
  key: string
  kind: TodoKind
  title: string
  detail: string | null
  dueDate: string | null
  /** R8's colour as the engine gives it (the same rule as the ledger and 我的整改). */
  colour: WarningColour | null
  daysLeft: number | null
  link: RouteLocationRaw | null
}

const POLL_MS = 120_000
/**
 * After a navigation, how long the refresh waits: the page just opened sends its own first queries
 * at that moment, and the API (one embedded database) answers them one after another, so a badge
 * refreshed alongside delayed the page by its own query. A second navigation within it waits again.
 */
export const NAVIGATION_REFRESH_DELAY_MS = 1_000

/** Where a to-do is handled, if this app has that page (some belong to the branch tracker). */
export function todoTarget(todo: Pick<ApiTodo, 'kind' | 'entityId'>, hasRoute: (name: string) => boolean): RouteLocationRaw | null {
  const to = (name: string, params?: Record<string, string>, query?: Record<string, string>) =>
    hasRoute(name) ? { name, params, query } : null
  switch (todo.kind) {
    case 'ASSESSMENT_TO_FINISH':
      return to('workbench-assessment', { assessmentId: String(todo.entityId) })
    case 'LOOK_BACK':
      return to('workbench')
    case 'DISPUTE_TO_RESOLVE':
      return to('disputes')
    case 'ORG_DECLINING':
      return to('drilldown', { assessmentId: String(todo.entityId) })
    case 'FINDINGS_TO_RECONCILE':
      return to('branch-findings') ?? to('home')
    default:
      return to('ledger', undefined, { rectification: String(todo.entityId) }) ?? to('home')
  }
}

export function toTodoItem(todo: ApiTodo, index: number, hasRoute: (name: string) => boolean): TodoItem {
  return {
    key: `${todo.kind}:${todo.entityType}:${todo.entityId}:${index}`,
    kind: todo.kind,
    title: todo.title,
    detail: todo.orgName,
    dueDate: todo.dueDate,
    colour: todo.colour ?? null,
    daysLeft: todo.daysLeft ?? null,
    link: todoTarget(todo, hasRoute),
  }
}

/**
 * The signed-in user's to-dos, refreshed periodically and on navigation. `deferFirst`: the first
 * request waits as a refresh after a navigation does, for the header's badge on a page that sends
 * first queries of its own (a page load is a navigation too).
 */
export function useTodos({ deferFirst = false }: { deferFirst?: boolean } = {}) {
  const router = useRouter()
  const route = useRoute()
  const waiting = ref(deferFirst)
  const query = useQuery({ query: MyTodosQuery, context: { silent: true }, pause: waiting })
  const refresh = () => {
    // Unpaused, the query sends its first request itself.
    if (waiting.value) waiting.value = false
    else void query.executeQuery({ requestPolicy: 'network-only' })
  }
  const timer = setInterval(refresh, POLL_MS)
  let afterNavigation = waiting.value ? setTimeout(refresh, NAVIGATION_REFRESH_DELAY_MS) : undefined
  onBeforeUnmount(() => {
    clearInterval(timer)
    clearTimeout(afterNavigation)
  })
  watch(
    () => route.name,
    () => {
      clearTimeout(afterNavigation)
      afterNavigation = setTimeout(refresh, NAVIGATION_REFRESH_DELAY_MS)
    },
  )

  const hasRoute = (name: string) => router.hasRoute(name)
  return {
    count: computed(() => query.data.value?.myTodos.counts.total ?? 0),
    items: computed(() => (query.data.value?.myTodos.items ?? []).map((todo, i) => toTodoItem(todo, i, hasRoute))),
    fetching: computed(() => query.fetching.value),
    refresh,
  }
}
