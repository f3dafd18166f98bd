export { loadFeedbackFormSheet, type FeedbackFormSheet } from './data'
export { feedbackFormFileName, renderFeedbackFormDocx, SHEET_TITLE } from './docx'
