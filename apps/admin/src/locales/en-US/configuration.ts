import type { configurationMessagesZhCN } from '../zh-CN/configuration'

/** Texts of the configuration gaps' buttons: delete an org, delete a scheme draft. */
export const configurationMessagesEnUS: typeof configurationMessagesZhCN = {
  orgDelete: {
    title: 'Delete the organization “{name}”?',
    text: 'Only an organization without history (children, users, rounds, findings …) can be deleted; this cannot be undone.',
    deleted: 'Organization deleted',
    refused: 'This organization cannot be deleted',
    deactivateInstead: 'Deactivate an organization with history instead; its history is kept.',
  },
  schemeDraft: {
    delete: 'Delete draft',
    deleteTitle: 'Delete the draft scheme?',
    deleteText: 'The draft “{name}” with its dimensions and indicators is deleted; published revisions stay.',
    deleted: 'Draft deleted',
  },
}
