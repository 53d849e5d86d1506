// Korean particles, shared by the query normalisation and the synonym matching.

/** Particles and endings, longest first so that 에서 wins over 서. */
export const KOREAN_PARTICLES = [
  '에서의', '에서도', '으로의', '으로도', '에게는', '까지의', '까지는', '부터는', '보다는', '에서는', '으로는', '에게서', '이라는', '이란', '에서', '으로', '에게', '까지', '부터', '처럼', '보다', '라는',
  '이나', '이고', '이며', '이다', '하고', '와의', '과의', '로의', '에는', '에도', '로는', '와', '과', '은', '는', '이', '가', '을', '를', '의', '에', '로', '도', '만', '란',
];
export const HANGUL = /[\uac00-\ud7a3]/;

export function stripKoreanParticle(word: string): string {
  if (!HANGUL.test(word)) return word;
  for (const particle of KOREAN_PARTICLES) {
    // Keep at least two syllables of the stem: 가 in 평가 or 이 in 다이 must not go.
    if (word.endsWith(particle) && [...word].length - [...particle].length >= 2) {
      return word.slice(0, word.length - particle.length);
    }
  }
  return word;
}
