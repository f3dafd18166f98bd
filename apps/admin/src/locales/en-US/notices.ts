import type { noticesMessagesZhCN } from '../zh-CN/notices'

/** Texts of the notice page (通报). */
export const noticesMessagesEnUS: typeof noticesMessagesZhCN = {
  notices: {
    route: 'Notices',
    round: 'Round',
    register: 'Notice register',
    docNo: 'Document number',
    title: 'Title',
    issuedBy: 'Issued by',
    issuedOn: 'Date of issue',
    preview: 'Print view',
    notRegistered: "This round's notice is not registered yet; the preview shows the defaults. Saving registers it.",
    unchanged: 'Nothing changed',
    noRounds: 'No published round yet',
    open: 'Notice',
    problems: { required: 'Required', tooLong: 'At most {max} characters' },
  },
}
