import type { sharedIndicatorsMessagesZhCN } from '../zh-CN/shared-indicators'

/** Texts of the shared indicators page (五个标准化). */
export const sharedIndicatorsMessagesEnUS: typeof sharedIndicatorsMessagesZhCN = {
  sharedIndicators: {
    route: 'Shared indicators',
    area: 'Area',
    code: 'Code',
    name: 'Name',
    method: 'Method',
    standard: 'Evaluation standard',
    guide: 'Scoring guide',
    linked: 'Linked indicators',
    new: 'New shared indicator',
    hint: "Shared indicators (the five standardizations) are defined once per year and area and linked by every category's scheme; an edit updates every draft, published schemes keep theirs until revised.",
    empty: 'No shared indicator for this year and area',
    deleteTitle: 'Delete the shared indicator “{name}”?',
    deleted: 'Shared indicator deleted',
    inUse: 'Linked by {n} scheme indicators; it cannot be deleted',
    problems: { required: 'Required', codeTaken: 'This code exists already' },
  },
}
