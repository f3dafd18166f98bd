import { chinaDate } from '@redblue/scoring'
import { actorOf } from '../access'
import { builder } from '../builder'
import { ValidationError } from '../errors'
import {
  importFindings,
  importOrgs,
  importSchemeIndicators,
  runImport,
  type ImportFile,
  type ImportReport,
} from '../services/excel/imports'
import type { PreviewColumn, PreviewRow, PreviewSheet } from '../services/excel/imports/preview'
import type { ImportProblem } from '../services/excel/read'
import { sanitizeFileName } from '../uploads/storage'

/**
 * Excel imports, uploaded as GraphQL multipart requests (the `Upload` scalar; the SPA sends the
 * CSRF header as for every request). Templates: GET /files/template/<orgs|indicators|findings>.xlsx.
 * A file with any bad cell saves nothing and the report lists every problem (sheet, row, column,
 * reason in Chinese) and the preview shows every row with its cells' problems; a clean file is
 * saved in one transaction and audited. `dryRun: true` checks without saving.
 */

const ImportProblemRef = builder.objectRef<ImportProblem>('ImportProblem').implement({
  description: 'One bad cell (or a file-level problem when row is null).',
  fields: (t) => ({
    sheet: t.exposeString('sheet'),
    row: t.exposeInt('row', { nullable: true }),
    column: t.exposeString('column', { nullable: true, description: 'Column header as in the template.' }),
    columnLetter: t.exposeString('columnLetter', { nullable: true }),
    cell: t.string({
      nullable: true,
      description: 'Cell address, e.g. "C7".',
      resolve: (p) => (p.row !== null && p.columnLetter ? `${p.columnLetter}${p.row}` : null),
    }),
    value: t.exposeString('value', { nullable: true }),
    message: t.exposeString('message'),
  }),
})

const ImportPreviewColumnRef = builder.objectRef<PreviewColumn>('ImportPreviewColumn').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    header: t.exposeString('header', { description: 'Column header as in the template.' }),
    letter: t.exposeString('letter', { nullable: true, description: 'Column letter in the file; null when the file lacks the column.' }),
  }),
})

const ImportPreviewRowRef = builder.objectRef<PreviewRow>('ImportPreviewRow').implement({
  fields: (t) => ({
    row: t.exposeInt('row', { description: '1-based Excel row.' }),
    values: t.exposeStringList('values', { nullable: { list: false, items: true }, description: 'One per column; null for an empty cell.' }),
    errors: t.exposeStringList('errors', {
      nullable: { list: false, items: true },
      description: 'The problems of each cell, one per column; null when the cell is fine.',
    }),
  }),
})

const ImportPreviewSheetRef = builder.objectRef<PreviewSheet>('ImportPreviewSheet').implement({
  description: 'Every data row of one sheet as read, with the problems of each cell.',
  fields: (t) => ({
    sheet: t.exposeString('sheet'),
    columns: t.expose('columns', { type: [ImportPreviewColumnRef] }),
    rows: t.expose('rows', { type: [ImportPreviewRowRef] }),
  }),
})

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  fields: (t) => ({
    kind: t.exposeString('kind'),
    applied: t.exposeBoolean('applied', { description: 'True when the data was saved.' }),
    dryRun: t.exposeBoolean('dryRun'),
    fileName: t.exposeString('fileName'),
    rowCount: t.exposeInt('rowCount'),
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    problems: t.expose('problems', { type: [ImportProblemRef] }),
    warnings: t.exposeStringList('warnings'),
    summary: t.exposeString('summary'),
    preview: t.expose('preview', {
      type: [ImportPreviewSheetRef],
      description: 'Every data row with its cells and their problems; empty once the data was saved.',
    }),
  }),
})

async function fileOf(upload: File): Promise<ImportFile> {
  return { name: sanitizeFileName(upload.name), bytes: new Uint8Array(await upload.arrayBuffer()) }
}

builder.mutationFields((t) => ({
  importOrgs: t.field({
    type: ImportReportRef,
    description:
      'Imports the 党组织 and 问题类别 sheets (template: /files/template/orgs.xlsx?year=). Codes match existing rows; 类别 sets the category for `year` (default: this year in China time).',
    authScopes: { admin: true },
    errors: {},
    args: {
      file: t.arg({ type: 'Upload' }),
      year: t.arg.int({ required: false }),
      dryRun: t.arg.boolean({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const file = await fileOf(args.file)
      const year = args.year ?? Number(chinaDate(ctx.config.now()).slice(0, 4))
      // Categories for year 99999 (or −1) were imported as readily as for this year.
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        throw ValidationError.field(['year'], '年份需在 2000–2100 之间', 'out_of_range')
      }
      const dryRun = args.dryRun ?? false
      return runImport(ctx.prisma, dryRun, (tx) => importOrgs(tx, actorOf(ctx), file, { year, dryRun }))
    },
  }),
  importSchemeIndicators: t.field({
    type: ImportReportRef,
    description:
      'Replaces a DRAFT scheme’s dimensions and indicators with the 维度 and 指标 sheets (template: /files/template/indicators.xlsx?schemeId=). `version` (optional) guards against a concurrent edit.',
    authScopes: { admin: true },
    errors: {},
    args: {
      schemeId: t.arg.int(),
      version: t.arg.int({ required: false }),
      file: t.arg({ type: 'Upload' }),
      dryRun: t.arg.boolean({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const file = await fileOf(args.file)
      const dryRun = args.dryRun ?? false
      return runImport(ctx.prisma, dryRun, (tx) =>
        importSchemeIndicators(tx, actorOf(ctx), file, { schemeId: args.schemeId, version: args.version, dryRun }),
      )
    },
  }),
  importFindings: t.field({
    type: ImportReportRef,
    description:
      'Creates feedback forms and findings of an INSPECTING round from the 问题清单 sheet (template: /files/template/findings.xlsx?roundId=). Inspectors only for orgs assigned to their team.',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: {
      roundId: t.arg.int(),
      file: t.arg({ type: 'Upload' }),
      dryRun: t.arg.boolean({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const file = await fileOf(args.file)
      const dryRun = args.dryRun ?? false
      return runImport(ctx.prisma, dryRun, (tx) =>
        importFindings(tx, actorOf(ctx), file, { roundId: args.roundId, dryRun }),
      )
    },
  }),
}))
