import type { OrgCategory, UnitType } from '../generated/prisma/enums'

/**
 * The source company's 31 assessed party organizations: head-office department branches (本部) and
 * field-unit branches (基层单位), some grouped under general branches (党总支), all under the
 * company party committee. Names follow a typical city power supply company.
 */
export interface OrgSeed {
  code: string
  name: string
  shortName: string
  unitType: UnitType
  /** Code of the parent; the party committee when absent. */
  parent?: string
  /** Category in 2021; CATEGORY_CHANGES moves some orgs in later years. */
  category: OrgCategory
  /** 0 (weak) … 1 (strong): how few problems inspectors find there. */
  strength: number
}

export const COMPANY = {
  code: 'PC',
  name: '中共国网白银供电公司委员会',
  shortName: '公司党委',
  unitType: 'HEADQUARTERS' as UnitType,
}

export const ORGS: readonly OrgSeed[] = [
  {
    code: 'G01',
    name: '变电运维中心党总支',
    shortName: '变电运维党总支',
    unitType: 'GRASSROOTS',
    category: 'I',
    strength: 0.85,
  },
  {
    code: 'G02',
    name: '变电运维中心第一党支部',
    shortName: '变电运维一支部',
    unitType: 'GRASSROOTS',
    parent: 'G01',
    category: 'II',
    strength: 0.6,
  },
  {
    code: 'G03',
    name: '变电运维中心第二党支部',
    shortName: '变电运维二支部',
    unitType: 'GRASSROOTS',
    parent: 'G01',
    category: 'III',
    strength: 0.35,
  },
  {
    code: 'G04',
    name: '输电运检中心党总支',
    shortName: '输电运检党总支',
    unitType: 'GRASSROOTS',
    category: 'I',
    strength: 0.8,
  },
  {
    code: 'G05',
    name: '输电运检中心线路运检党支部',
    shortName: '线路运检支部',
    unitType: 'GRASSROOTS',
    parent: 'G04',
    category: 'II',
    strength: 0.55,
  },
  {
    code: 'G06',
    name: '输电运检中心带电作业党支部',
    shortName: '带电作业支部',
    unitType: 'GRASSROOTS',
    parent: 'G04',
    category: 'II',
    strength: 0.65,
  },
  {
    code: 'G07',
    name: '营销服务中心党总支',
    shortName: '营销服务党总支',
    unitType: 'GRASSROOTS',
    category: 'I',
    strength: 0.75,
  },
  {
    code: 'G08',
    name: '营销服务中心客户服务党支部',
    shortName: '客户服务支部',
    unitType: 'GRASSROOTS',
    parent: 'G07',
    category: 'II',
    strength: 0.5,
  },
  {
    code: 'G09',
    name: '营销服务中心计量党支部',
    shortName: '计量支部',
    unitType: 'GRASSROOTS',
    parent: 'G07',
    category: 'III',
    strength: 0.3,
  },
  {
    code: 'G10',
    name: '电力调度控制中心党支部',
    shortName: '调控中心支部',
    unitType: 'GRASSROOTS',
    category: 'I',
    strength: 0.9,
  },
  {
    code: 'G11',
    name: '变电检修中心党支部',
    shortName: '变电检修支部',
    unitType: 'GRASSROOTS',
    category: 'II',
    strength: 0.55,
  },
  {
    code: 'G12',
    name: '配电运检中心党支部',
    shortName: '配电运检支部',
    unitType: 'GRASSROOTS',
    category: 'II',
    strength: 0.7,
  },
  {
    code: 'G13',
    name: '城区供电中心党支部',
    shortName: '城区供电支部',
    unitType: 'GRASSROOTS',
    category: 'II',
    strength: 0.45,
  },
  {
    code: 'G14',
    name: '供电服务指挥中心党支部',
    shortName: '服务指挥支部',
    unitType: 'GRASSROOTS',
    category: 'III',
    strength: 0.4,
  },
  {
    code: 'G15',
    name: '信息通信分公司党支部',
    shortName: '信通支部',
    unitType: 'GRASSROOTS',
    category: 'II',
    strength: 0.6,
  },
  {
    code: 'G16',
    name: '物资供应中心党支部',
    shortName: '物资供应支部',
    unitType: 'GRASSROOTS',
    category: 'II',
    strength: 0.5,
  },
  {
    code: 'G17',
    name: '经济技术研究所党支部',
    shortName: '经研所支部',
    unitType: 'GRASSROOTS',
    category: 'III',
    strength: 0.45,
  },
  {
    code: 'G18',
    name: '综合服务中心党支部',
    shortName: '综合服务支部',
    unitType: 'GRASSROOTS',
    category: 'III',
    strength: 0.35,
  },
  {
    code: 'G19',
    name: '平川供电中心党支部',
    shortName: '平川供电支部',
    unitType: 'GRASSROOTS',
    category: 'III',
    strength: 0.5,
  },
  {
    code: 'G20',
    name: '电力工程公司党支部',
    shortName: '电力工程支部',
    unitType: 'GRASSROOTS',
    category: 'III',
    strength: 0.3,
  },
  {
    code: 'H01',
    name: '办公室（党委办公室）党支部',
    shortName: '办公室支部',
    unitType: 'HEADQUARTERS',
    category: 'I',
    strength: 0.85,
  },
  {
    code: 'H02',
    name: '党建工作部（党委组织部、党委宣传部）党支部',
    shortName: '党建部支部',
    unitType: 'HEADQUARTERS',
    category: 'I',
    strength: 0.9,
  },
  {
    code: 'H03',
    name: '发展策划部党支部',
    shortName: '发展部支部',
    unitType: 'HEADQUARTERS',
    category: 'I',
    strength: 0.7,
  },
  {
    code: 'H04',
    name: '财务资产部党支部',
    shortName: '财务部支部',
    unitType: 'HEADQUARTERS',
    category: 'I',
    strength: 0.8,
  },
  {
    code: 'H05',
    name: '人力资源部党支部',
    shortName: '人资部支部',
    unitType: 'HEADQUARTERS',
    category: 'I',
    strength: 0.75,
  },
  {
    code: 'H06',
    name: '安全监察部党支部',
    shortName: '安监部支部',
    unitType: 'HEADQUARTERS',
    category: 'II',
    strength: 0.6,
  },
  {
    code: 'H07',
    name: '设备管理部党支部',
    shortName: '设备部支部',
    unitType: 'HEADQUARTERS',
    category: 'II',
    strength: 0.55,
  },
  {
    code: 'H08',
    name: '营销部（农电工作部）党支部',
    shortName: '营销部支部',
    unitType: 'HEADQUARTERS',
    category: 'II',
    strength: 0.5,
  },
  {
    code: 'H09',
    name: '建设部党支部',
    shortName: '建设部支部',
    unitType: 'HEADQUARTERS',
    category: 'II',
    strength: 0.45,
  },
  {
    code: 'H10',
    name: '纪委办公室党支部',
    shortName: '纪委办支部',
    unitType: 'HEADQUARTERS',
    category: 'I',
    strength: 0.8,
  },
  {
    code: 'H11',
    name: '数字化工作部党支部',
    shortName: '数字化部支部',
    unitType: 'HEADQUARTERS',
    category: 'III',
    strength: 0.4,
  },
]

/** Yearly re-grading: [year, org code, category from that year on]. */
export const CATEGORY_CHANGES: readonly (readonly [number, string, OrgCategory])[] = [
  [2022, 'G19', 'II'],
  [2022, 'H09', 'III'],
  [2023, 'G12', 'I'],
  [2023, 'H03', 'II'],
  [2024, 'G20', 'II'],
  [2024, 'G16', 'III'],
  [2025, 'H11', 'II'],
  [2025, 'G10', 'II'],
  [2026, 'G19', 'I'],
  [2026, 'G13', 'III'],
]

export function categoryOf(org: OrgSeed, year: number): OrgCategory {
  let category = org.category
  for (const [from, code, next] of CATEGORY_CHANGES) {
    if (code === org.code && from <= year) category = next
  }
  return category
}
