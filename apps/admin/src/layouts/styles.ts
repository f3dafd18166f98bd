import { h } from 'vue'
import { NBadge, NLayout, NLayoutContent, NLayoutHeader, NLayoutSider } from 'naive-ui'
import type { RouteStyles } from '@/router/meta'

/** The signed-in layout's naive-ui components (BasicLayout.vue, the header's to-do badge). */
const styles: RouteStyles = () => [
  h(NLayout, { hasSider: true }, () => [
    h(NLayoutSider, { bordered: true }),
    h(NLayout, null, () => [h(NLayoutHeader, { bordered: true }), h(NLayoutContent)]),
  ]),
  h(NBadge, { value: 1 }),
]
export default styles
