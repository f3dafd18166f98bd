/**
 * The 现场反馈表 as a Word file: a demo form of a published round is downloaded, opened
 * (word/document.xml) and checked against the database — number, org, visit, every finding with
 * its deduction and the total; and only callers who may read the form (the `feedbackForms`
 * query's R12 scope) get it.
 */
import { sumScores, toFixed2 } from '@redblue/scoring'
import { describe, expect, it } from 'vitest'
import { useTestApi } from '../helpers'
import { docxTables, readDocx } from '../notice/docx'

const api = useTestApi({ reset: 'file' })

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

async function download(path: string, user: string | null) {
  return api.fetch(path, {}, { cookie: user ? await api.login(user) : null })
}

/** A form of branch1's org in a published round, with the most findings. */
async function branch1Form() {
  const branch1 = await api.prisma.user.findUniqueOrThrow({ where: { username: 'branch1' } })
  const forms = await api.prisma.feedbackForm.findMany({
    where: { orgId: branch1.orgId!, round: { status: 'PUBLISHED' } },
    include: {
      org: true,
      round: true,
      findings: { orderBy: { id: 'asc' }, include: { indicator: true, problemCategory: true } },
    },
  })
  const form = forms.sort((a, b) => b.findings.length - a.findings.length)[0]!
  expect(form.findings.length).toBeGreaterThan(0)
  return form
}

describe('feedback form as a Word document', () => {
  it('lists the form’s findings and their total like the printed sheet', async () => {
    const form = await branch1Form()
    const res = await download(`/files/feedback-form/${form.id}.docx`, 'admin')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(DOCX)
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(`现场反馈表-${form.formNo}`))
    expect(res.headers.get('cache-control')).toBe('private, no-store')

    const { xml, paragraphs } = readDocx(Buffer.from(await res.arrayBuffer()))
    expect(paragraphs).toContain('党建工作督导检查现场反馈表')
    expect(paragraphs).toContain(`编号：${form.formNo}`)
    const [meta, ...rest] = docxTables(xml)
    expect(meta![1]).toEqual([form.org.name, form.visitDate.toISOString().slice(0, 10), form.round.name, expect.any(String)])
    const findings = rest.at(-1)!
    expect(findings[0]).toEqual(['序号', '考核指标', '问题类别', '问题描述', '检查方式', '扣分'])
    // Header, one row per finding, the total.
    expect(findings).toHaveLength(form.findings.length + 2)
    form.findings.forEach((f, i) => {
      const row = findings[i + 1]!
      expect(row[0]).toBe(String(i + 1))
      expect(row[1]).toBe(`${f.indicator.code} ${f.indicator.name}`)
      expect(row[2]).toContain(f.problemCategory.name)
      expect(row[3]).toBe(f.description.replace(/\n/g, ''))
      expect(row[5]).toBe(toFixed2(f.deduction.toFixed()))
    })
    const total = sumScores(form.findings.map((f) => f.deduction.toFixed()))
    expect(findings.at(-1)).toEqual(['', `合计 ${form.findings.length} 个问题`, '', '', '', total])
    expect(paragraphs).toContain('检查组签字：')
    expect(paragraphs).toContain('受检党组织负责人签字：')
  })
})

describe('who may download a feedback form', () => {
  it('admins, leaders, the org’s own branch and the inspectors of its team; not another branch or team', async () => {
    const form = await branch1Form()
    const path = `/files/feedback-form/${form.id}.docx`
    const assignment = await api.prisma.teamAssignment.findUniqueOrThrow({
      where: { roundId_orgId: { roundId: form.roundId, orgId: form.orgId } },
      include: { team: { include: { members: { include: { user: true } } } } },
    })
    const memberIds = assignment.team.members.map((m) => m.userId)
    const onTeam = assignment.team.members.find((m) => m.user.role === 'INSPECTOR')!.user
    const offTeam = await api.prisma.user.findFirstOrThrow({
      where: { role: 'INSPECTOR', active: true, id: { notIn: memberIds } },
    })

    expect((await download(path, null)).status).toBe(401)
    expect((await download(path, 'admin')).status).toBe(200)
    expect((await download(path, 'leader')).status).toBe(200)
    expect((await download(path, 'branch1')).status).toBe(200)
    expect((await download(path, onTeam.username)).status).toBe(200)

    const otherBranch = await download(path, 'branch2')
    expect(otherBranch.status).toBe(403)
    expect(await otherBranch.text()).toBe('无权下载此反馈表')
    expect((await download(path, offTeam.username)).status).toBe(403)
    expect((await download('/files/feedback-form/987654.docx', 'admin')).status).toBe(404)
  })
})
