import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import type { Component } from 'vue'
import { i18n } from '@/plugins/i18n'

/** Errors Vue caught while rendering; test/setup.ts fails the test if any remain. */
export const renderErrors: unknown[] = []

/** Mounts with the app's i18n (Chinese, as users see it by default). */
export function mountWithApp<T extends Component>(component: T, options: ComponentMountingOptions<T> = {}) {
  i18n.global.locale.value = 'zh-CN'
  return mount(component, {
    attachTo: document.body,
    ...options,
    global: {
      ...options.global,
      plugins: [i18n, ...(options.global?.plugins ?? [])],
      config: { errorHandler: (error: unknown) => void renderErrors.push(error) },
    },
  })
}

/** Types into a naive-ui input the way a user does (value + input event). */
export async function typeInto(wrapper: { find(selector: string): { element: Element; trigger(e: string): Promise<void> } }, selector: string, value: string) {
  const input = wrapper.find(selector)
  ;(input.element as HTMLInputElement).value = value
  await input.trigger('input')
}
