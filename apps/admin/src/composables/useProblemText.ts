import { useLocaleStore } from '@/store/locale'

/** The scoring engine ships each problem in Chinese and English; pick the UI's language. */
export function useProblemText() {
  const { locale } = useLocaleStore()
  return (problem: { message: string; messageEn?: string }) =>
    locale.value === 'en-US' && problem.messageEn ? problem.messageEn : problem.message
}
