import { h } from 'vue'
import { NCard, NEmpty, NSpin, NTag } from 'naive-ui'
import type { RouteStyles } from '@/router/meta'

/** Home's naive-ui components: its cards, the to-do list's tags and its loading and empty states. */
const styles: RouteStyles = () => [h(NCard), h(NTag), h(NSpin), h(NEmpty)]
export default styles
