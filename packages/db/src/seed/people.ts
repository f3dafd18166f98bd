import type { Role } from '../generated/prisma/enums'

/** Every demo login shares this password; `pnpm start` prints the list. */
export const DEMO_PASSWORD = 'RedBlue@2026'

export interface DemoLogin {
  username: string
  role: Role
  displayName: string
  password: string
  /** The org's name for INSPECTOR (home org) and BRANCH users. */
  orgName?: string
}

/** Fixed people of the demo. The branch users' orgs are decided by the data (see plan.ts). */
export const LEADERSHIP = {
  admin: { username: 'admin', displayName: '李晓明', title: '党建工作部主任' },
  leader: { username: 'leader', displayName: '王建国', title: '公司党委书记' },
  disciplineSecretary: '陈志刚',
  deputySecretary: '周海燕',
} as const

/** Inspectors come from the units' party-building staff; [username, name, home org code]. */
export const INSPECTORS: readonly (readonly [string, string, string])[] = [
  ['inspector1', '张伟', 'H02'],
  ['inspector2', '刘芳', 'G10'],
  ['insp03', '杨帆', 'G01'],
  ['insp04', '赵磊', 'G04'],
  ['insp05', '孙丽娟', 'G07'],
  ['insp06', '马俊', 'H01'],
  ['insp07', '朱文静', 'G12'],
  ['insp08', '胡建军', 'H05'],
  ['insp09', '郭晓东', 'G15'],
  ['insp10', '何雪梅', 'H04'],
  ['insp11', '高峰', 'G11'],
  ['insp12', '罗晓燕', 'H10'],
]

/** Party secretaries of the 31 orgs, in ORGS order (interviewees, responsible persons). */
export const SECRETARIES: readonly string[] = [
  '王海龙',
  '李红霞',
  '张国栋',
  '刘振华',
  '陈立新',
  '杨继红',
  '赵永强',
  '黄丽萍',
  '周志军',
  '吴晓峰',
  '徐春梅',
  '孙宏伟',
  '胡明亮',
  '朱建平',
  '高玉兰',
  '林国庆',
  '何志勇',
  '郭瑞芳',
  '马德明',
  '罗小军',
  '梁文华',
  '宋亚平',
  '郑永红',
  '谢东升',
  '韩秀英',
  '唐振宇',
  '冯雅琴',
  '于海涛',
  '董建华',
  '萧光明',
  '程丽君',
]
