import { computed } from 'vue'

export interface TodoItem {
  key: string
  kind: string
  title: string
  detail: string | null
  dueDate: string | null
  overdue: boolean
  link: string | null
}

// Wired to the API's to-do list once its schema lands.
export function useTodos() {
  return {
    count: computed(() => 0),
    items: computed<TodoItem[]>(() => []),
    fetching: computed(() => false),
  }
}
