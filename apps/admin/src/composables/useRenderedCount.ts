import { onBeforeUnmount, onMounted, ref, toValue, type MaybeRefOrGetter } from 'vue'

/**
 * How many sections of a long page to render: at once the first ones holding `first` items (about
 * a screenful), then one more per animation frame. Rendering an assessment's forty-odd indicators
 * in one go kept the workbench blank for most of a second; a person starts at the top, and the
 * sections below follow before they can scroll to them. Sections added later show at once.
 */
export function useRenderedCount(sizes: MaybeRefOrGetter<readonly number[]>, first = 8) {
  let atOnce = 0
  for (let items = 0; atOnce < toValue(sizes).length && items < first; atOnce++) items += toValue(sizes)[atOnce] ?? 0
  const rendered = ref(atOnce)
  let frame = 0
  function next() {
    if (rendered.value >= toValue(sizes).length) {
      rendered.value = Number.POSITIVE_INFINITY
      return
    }
    rendered.value++
    frame = requestAnimationFrame(next)
  }
  onMounted(() => {
    frame = requestAnimationFrame(next)
  })
  onBeforeUnmount(() => cancelAnimationFrame(frame))
  return rendered
}
