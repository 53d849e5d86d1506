// Korean phrases the pages do not use that are not glossary terms: words about how the site was
// made, and calques of English idioms (ko-editorial decisions, issue 15). Only phrases that can be
// matched without false hits are here; 말하다 (also "means") and 듣다 in its ordinary sense are
// left to the reader. `*` lifts the word boundary on that side (see variantMatches); a stem must
// list each syllable form, since Korean endings merge into the syllable (주 → 준, 되 → 된).
export const KO_PHRASES: { avoid: string[]; use: string }[] = [
  // How the site was made: never in reader-facing Korean.
  { avoid: ['원 자료', '원자료', '원문 자료', 'seed'], use: '출처(리포지터리, 경로, 릴리스)' },
  { avoid: ['대역'], use: '대신하는 스크립트, 가짜 명령' },
  { avoid: ['주장*'], use: '설명, 내용, 확인할 점' },
  { avoid: ['기계'], use: '머신, 컴퓨터' },
  // Calques of English idioms.
  { avoid: ['어디에 사는가', '어디에 산다'], use: '어디에 있는가, 어디에 두는가' },
  { avoid: ['거울상'], use: '반대, 짝' },
  { avoid: ['다이얼'], use: '설정, 값' },
  { avoid: ['장애의 모양'], use: '실패가 드러나는 방식, 증상' },
  { avoid: ['이긴다', '이기는'], use: '우선한다, 적용된다' },
  { avoid: ['고전 함정', '고전적인 함정'], use: '흔한 함정' },
  { avoid: ['컴파일되*', '컴파일된*', '컴파일돼*', '집행*'], use: '반영된다, 적용된다' },
  { avoid: ['밀어 주*', '밀어 준*', '밀어주*', '밀어준*'], use: '내려 준다' },
  { avoid: ['물러나*', '물러난*'], use: '대신 … 을 쓴다' },
  { avoid: ['건강한', '건강하*'], use: '정상' },
  { avoid: ['마른다', '말라 버*'], use: '고갈된다' },
  {
    avoid: ['*를 가진*', '*을 가진*', '*를 가지고 있*', '*을 가지고 있*', '*를 가지는*', '*을 가지는*', '*를 갖는*', '*을 갖는*', '*를 갖고*', '*을 갖고*'],
    use: '~이 있다, ~을 두다',
  },
  { avoid: ['듣는다', '듣고 있'], use: '… 포트에서 연결을 받는다' },
];

// Pages linked under one name everywhere (ko-editorial decisions): a link to the page (without
// an anchor) must say one of these, in the page's language. Matching ignores case.
export const LINK_NAMES: { path: string; ko: string[]; en: string[] }[] = [
  {
    path: '/basics/handshake-trust/',
    ko: ['TLS 핸드셰이크가 신뢰를 결정하는 방법'],
    en: ['How a TLS handshake decides trust'],
  },
  {
    path: '/labs/break-it/',
    ko: ['망가뜨리기 실습', '실습: 망가뜨리기'],
    en: ['the break-it lab', 'Lab: Break it'],
  },
];
