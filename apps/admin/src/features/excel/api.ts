import { graphql } from '@/generated'

export const ImportReportFields = graphql(`
  fragment ImportReportFields on ImportReport {
    kind
    fileName
    dryRun
    applied
    rowCount
    created
    updated
    summary
    warnings
    problems {
      sheet
      row
      cell
      column
      columnLetter
      value
      message
    }
    preview {
      sheet
      columns {
        key
        header
        letter
      }
      rows {
        row
        values
        errors
      }
    }
  }
`)

export const ImportOrgsMutation = graphql(`
  mutation ImportOrgs($file: Upload!, $year: Int, $dryRun: Boolean) {
    importOrgs(file: $file, year: $year, dryRun: $dryRun) {
      ... on ImportReport {
        ...ImportReportFields
      }
      ...MutationErrorFields
    }
  }
`)

export const ImportSchemeIndicatorsMutation = graphql(`
  mutation ImportSchemeIndicators($file: Upload!, $schemeId: Int!, $dryRun: Boolean) {
    importSchemeIndicators(file: $file, schemeId: $schemeId, dryRun: $dryRun) {
      ... on ImportReport {
        ...ImportReportFields
      }
      ...MutationErrorFields
    }
  }
`)

export const ImportFindingsMutation = graphql(`
  mutation ImportFindings($file: Upload!, $roundId: Int!, $dryRun: Boolean) {
    importFindings(file: $file, roundId: $roundId, dryRun: $dryRun) {
      ... on ImportReport {
        ...ImportReportFields
      }
      ...MutationErrorFields
    }
  }
`)

/** What each import needs chosen first: the year's draft schemes, the inspecting rounds. */
export const ImportTargetsQuery = graphql(`
  query ImportTargets($year: Int!) {
    schemes(year: $year, status: DRAFT) {
      id
      name
      category
      area {
        id
        name
      }
    }
    rounds {
      id
      name
      year
      quarter
      status
    }
  }
`)
