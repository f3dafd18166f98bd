import { h } from 'vue'
import type { RouteStyles } from '@/router/meta'
import {
  NAlert,
  NBreadcrumb,
  NBreadcrumbItem,
  NButton,
  NCard,
  NCheckbox,
  NCheckboxGroup,
  NCollapse,
  NCollapseItem,
  NDataTable,
  NDescriptions,
  NDescriptionsItem,
  NDrawer,
  NDrawerContent,
  NDropdown,
  NEmpty,
  NInput,
  NInputNumber,
  NModal,
  NPagination,
  NPerformantEllipsis,
  NPopconfirm,
  NPopover,
  NProgress,
  NRadioButton,
  NRadioGroup,
  NResult,
  NSelect,
  NSkeleton,
  NSpace,
  NSpin,
  NStatistic,
  NStep,
  NSteps,
  NSwitch,
  NTable,
  NTag,
  NTimeline,
  NTimelineItem,
  NTooltip,
} from 'naive-ui'

const trigger = () => h('span')

/**
 * The naive-ui components the signed-in pages use, each drawn as little as mounts its stylesheet
 * and those of the parts a page shows at once (the table's pagination and size select, a
 * collapse's item). The date and time pickers, the tree select and the tabs are left out: they
 * live in files of their own that only their pages load (build/chunk-groups.ts).
 * Most used first: what the list pages show at once. `shared-styles.test.ts` checks that every
 * component the pages import is here.
 */
export const sharedStyles: Record<string, RouteStyles | null> = {
  NSelect: () => h(NSelect, { options: [] }),
  // The table's own parts first: each idle moment stays short.
  NPagination: () => h(NPagination),
  NDataTable: () =>
    h(NDataTable, {
      columns: [{ key: 'cell', ellipsis: true }],
      data: [{ cell: '' }],
      pagination: { page: 1, pageSize: 20, itemCount: 40, showSizePicker: true, pageSizes: [20, 50] },
    }),
  NButton: () => h(NButton),
  NInput: () => h(NInput),
  NTag: () => h(NTag),
  NRadioButton: () => h(NRadioGroup, null, () => h(NRadioButton, { value: 'option' })),
  // Drawn inside the group above, as on a page (so are the other nulls below).
  NRadioGroup: null,
  NDrawer: () => h(NDrawer, null, () => h(NDrawerContent)),
  NDrawerContent: null,
  NModal: () => h(NModal),
  NPerformantEllipsis: () => h(NPerformantEllipsis, null, trigger),
  NCard: () => h(NCard),
  NEmpty: () => h(NEmpty),
  NSpin: () => h(NSpin),
  NSkeleton: () => h(NSkeleton),
  NAlert: () => h(NAlert),
  NDescriptions: () => h(NDescriptions, null, () => h(NDescriptionsItem)),
  NDescriptionsItem: null,
  NCollapse: () => h(NCollapse, null, () => h(NCollapseItem, { name: 'item' })),
  NCollapseItem: null,
  NCheckbox: () => h(NCheckbox),
  NCheckboxGroup: () => h(NCheckboxGroup),
  NInputNumber: () => h(NInputNumber),
  NSwitch: () => h(NSwitch),
  NPopconfirm: () => h(NPopconfirm, null, { trigger }),
  NPopover: () => h(NPopover, null, { trigger }),
  NTooltip: () => h(NTooltip, null, { trigger }),
  NDropdown: () => h(NDropdown, { options: [] }, trigger),
  NProgress: () => h(NProgress),
  NStatistic: () => h(NStatistic),
  NResult: () => h(NResult),
  NTable: () => h(NTable),
  NTimeline: () => h(NTimeline, null, () => h(NTimelineItem)),
  NTimelineItem: null,
  NSteps: () => h(NSteps, null, () => h(NStep)),
  NStep: null,
  NBreadcrumb: () => h(NBreadcrumb, null, () => h(NBreadcrumbItem)),
  NBreadcrumbItem: null,
  NSpace: () => h(NSpace),
}

/** One component at a time, each in an idle moment of its own. */
const parts = Object.values(sharedStyles).filter((render) => render !== null)
export default parts
