// UI strings of the onboarding components, in both languages (status labels, not sentences).
import type { Lang } from '../../lib/onboarding/track.ts';

export const TRACK_STRINGS = {
  ko: {
    outcomesHeading: '이 모듈을 마치면 할 수 있는 것',
    time: '예상 시간',
    selfCheck: '자가 점검',
    question: '질문',
    handsOn: '직접 해 보기',
    reveal: '답과 설명',
    answer: '답',
    findingNotes: '지적별 설명',
    openDecoder: '오류 디코더에서 열기',
    openValidator: '설정 검사기에서 열기',
    lab: '실습',
    done: '모듈 완료',
    doneState: '완료됨',
    notDoneState: '아직 완료하지 않음',
    progressHeading: '진행 상황',
    progress: (n: number, total: number) => `완료한 모듈 ${n}개 / 전체 ${total}개`,
    total: '전체 예상 시간',
    reset: '진행 상황 초기화',
    resetDone: '초기화됨',
    privacy: '진행 상황은 이 브라우저의 localStorage에만 저장되고 어디로도 전송되지 않는다.',
    sidebarDone: '(완료)',
    sidebarBadge: (n: number, total: number) => `완료 ${n}/${total}`,
    day: (d: number) => `${d}일차`,
  },
  en: {
    outcomesHeading: 'After this module you can',
    time: 'Estimated time',
    selfCheck: 'Self-check',
    question: 'Question',
    handsOn: 'Try it',
    reveal: 'Answer and explanation',
    answer: 'Answer',
    findingNotes: 'Finding by finding',
    openDecoder: 'Open in the error decoder',
    openValidator: 'Open in the validator',
    lab: 'Lab',
    done: 'Module done',
    doneState: 'Done',
    notDoneState: 'Not done yet',
    progressHeading: 'Progress',
    progress: (n: number, total: number) => `${n} of ${total} ${total === 1 ? 'module' : 'modules'} done`,
    total: 'Estimated total time',
    reset: 'Reset progress',
    resetDone: 'Reset',
    privacy: 'Progress is kept in this browser’s localStorage only and is never sent anywhere.',
    sidebarDone: '(done)',
    sidebarBadge: (n: number, total: number) => `${n}/${total} done`,
    day: (d: number) => `Day ${d}`,
  },
} satisfies Record<Lang, unknown>;

/** HTML for a data string: escaped, with `code` spans rendered as <code>. */
export function inlineHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}
