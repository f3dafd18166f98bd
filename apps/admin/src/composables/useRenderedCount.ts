import { onBeforeUnmount, onMounted, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'

/**
 * How many sections of a long page to render: at once the first ones holding `first` items (about
 * a screenful), then one more per animation frame. Rendering an assessment's forty-odd indicators
 * in one go kept the workbench blank for most of a second; a person starts at the top, and the
 * sections below follow before they can scroll to them. A list still on its way when the page
 * mounts (none yet) starts so when it arrives; sections added once all are out show at once.
 */
export function useRenderedCount(sizes: MaybeRefOrGetter<readonly number[]>, first = 8) {
  const rendered = ref(0)
  let frame = 0
  let started = false
  let mounted = false
  function next() {
    if (rendered.value >= toValue(sizes).length) {
      rendered.value = Number.POSITIVE_INFINITY
      return
    }
    rendered.value++
    frame = requestAnimationFrame(next)
  }
  function start() {
    if (started || toValue(sizes).length === 0) return
    started = true
    let atOnce = 0
    for (let items = 0; atOnce < toValue(sizes).length && items < first; atOnce++) items += toValue(sizes)[atOnce] ?? 0
    rendered.value = atOnce
    if (mounted) frame = requestAnimationFrame(next)
  }
  start()
  watch(() => toValue(sizes).length > 0, start)
  onMounted(() => {
    mounted = true
    if (started) frame = requestAnimationFrame(next)
  })
  onBeforeUnmount(() => cancelAnimationFrame(frame))
  return rendered
}
