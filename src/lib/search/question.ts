// Natural questions, as readers type them into the search box: "왜 인증서가 만료되나요",
// "how do I rotate the gateway certificate?". Pagefind ANDs every word of a query, so the
// question words and verb endings, which no page contains in that form, make such a query find
// nothing. This drops the question words and cuts verb endings back to their stem (만료되나요 →
// 만료); Pagefind matches word prefixes, so the stem still finds 만료됐다, 만료된.

/** Words that only make the query a question. Compared after particles and endings are gone. */
const KOREAN_QUESTION_WORDS = new Set([
  '왜', '어떻게', '어떡해', '무엇', '무엇이', '무엇을', '뭐', '뭐가', '뭘', '뭐야', '뭔가요', '어디서', '어디에', '뭔가', '뭔지', '무슨', '어떤', '어느', '어디', '언제', '누가', '얼마나',
  '이유', '방법', '하나요', '되나요', '인가요', '할까요', '될까요', '있나요', '없나요', '있을까', '있을까요', '합니까', '됩니까',
  '해야', '하면', '되면', '하는', '되는', '할', '될', '수', '있다', '없다', '있는', '없는', '좋은', '좋을까', '좋을까요', '나요',
  // Negation and comparison words: no page is found by them, and they narrow an AND search to nothing.
  '안', '못', '다른', '다른가', '다른가요', '다를까', '차이', '차이점',
]);

const ENGLISH_QUESTION_WORDS = new Set([
  'why', 'how', 'what', 'whats', "what's", 'which', 'when', 'where', 'who', 'does', 'do', 'did', 'is', 'are', 'was', 'were',
  'can', 'could', 'should', 'would', 'will', 'i', 'my', 'me', 'we', 'our', 'you', 'your', 'the', 'a', 'an', 'to', 'of',
  'in', 'on', 'for', 'with', 'it', 'its', "it's", 'this', 'that', 'there', 'be', 'get', 'getting', 'keep', 'keeps',
]);

/**
 * Verb endings of a question or clause, longest first. Cut only when a stem remains; the
 * one-syllable ones only after a stem of two syllables or more (권한, 제한 keep their 한).
 */
const KOREAN_ENDINGS = [
  '되었나요', '되었을까', '되었는지', '했었나요', '됐나요', '됐을까', '됐는지', '했나요', '했을까', '했는지',
  '한가요', '하나요', '되나요', '인가요', '일까요', '할까요', '될까요', '합니까', '됩니까', '입니까', '습니까', '하는지', '되는지',
  '하는가', '되는가', '하는데', '되는데', '해야', '돼야', '하려면', '되려면', '하면', '되면', '해서', '돼서', '하게', '되게',
  '하지', '되지', '하는', '되는', '한가', '한지', '인가', '인지', '가요', '할까', '될까', '일까', '나요', '까요', '는지', '을까', '한다', '된다', '했다', '됐다',
  '한', '된', '할', '될', '면',
];

const HANGUL = /[\uac00-\ud7a3]/;

/** A word with its question or clause ending cut off (만료되나요 → 만료, mTLS인가 → mTLS). */
export function stripQuestionEnding(word: string): string {
  if (!HANGUL.test(word)) return word;
  for (const ending of KOREAN_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    const minStem = [...ending].length === 1 ? 2 : 1;
    if ([...stem].length >= minStem) return stem;
  }
  return word;
}

/** Is this word only there to make the query a question (왜, 어떻게, how, does)? */
export function isQuestionWord(word: string): boolean {
  return KOREAN_QUESTION_WORDS.has(word) || KOREAN_ENDINGS.includes(word) || ENGLISH_QUESTION_WORDS.has(word.toLowerCase());
}
