/**
 * How search orders files (not passages): people look for the file that answers, and a file that
 * matches in several places, under a heading that names the topic, is more likely that file than
 * one with a single dense off-topic passage. Passage hits keep their own order; this orders files.
 */

/** `best-passage`: a file ranks by its best passage alone. `fused`: by its evidence (`FUSION`). */
export type FileRanking = 'best-passage' | 'fused';

/**
 * The fusion: a file's `topK` best passages count, the i-th weighted `discount^i`; each weighs
 * `1 + headingBoost × h` more, h being the share of the question's words in the passage's heading
 * path or file name. Chosen on both question sets (test/eval/, keyword mode, bm25 evidence) as
 * the setting that lowered no figure on either: of topK 1–5, discount 0.1–0.7 and heading boost
 * 0–4, a larger discount or boost won recall@5 on one set and lost recall@1 on the other (tldr's
 * headings are command names, and words like "file" name commands too). README "Retrieval figures".
 */
export const FUSION = { topK: 3, discount: 0.1, headingBoost: 0.5 };

/** One retrieved passage as evidence for its file. */
export interface Evidence {
  documentId: number;
  /** Higher is better: a fused score, or a score from the passage's final position. */
  score: number;
  /** The passage's heading path and the file's name, where the question's words may appear. */
  heading: string;
}

export interface RankedFile {
  documentId: number;
  score: number;
}

/**
 * Files in order of their evidence. `evidence` is in rank order (best first), so `best-passage` is
 * the order in which files first appear in the hits (what search did before files were fused,
 * whatever scale the evidence's scores are on); `fused` sorts by the fused score, ties in that order.
 */
export function rankFiles(
  evidence: readonly Evidence[],
  terms: readonly string[],
  ranking: FileRanking,
  fusion = FUSION,
): RankedFile[] {
  const byFile = new Map<number, { first: number; scores: number[] }>();
  evidence.forEach((item, index) => {
    const weight = ranking === 'fused' ? 1 + fusion.headingBoost * headingShare(item.heading, terms) : 1;
    const file = byFile.get(item.documentId) ?? { first: index, scores: [] };
    file.scores.push(item.score * weight);
    byFile.set(item.documentId, file);
  });
  const topK = ranking === 'fused' ? fusion.topK : 1;
  return [...byFile.entries()]
    .map(([documentId, file]) => ({
      documentId,
      first: file.first,
      score: file.scores
        .sort((a, b) => b - a)
        .slice(0, topK)
        .reduce((sum, score, i) => sum + score * fusion.discount ** i, 0),
    }))
    .sort((a, b) => (ranking === 'fused' ? b.score - a.score : 0) || a.first - b.first)
    .map(({ documentId, score }) => ({ documentId, score }));
}

/**
 * The share of `terms` that appear in `heading`, as words or, from four letters, as the start of
 * one another ("cookie" and "cookies"; not "tar" and "target").
 */
function headingShare(heading: string, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  // Identifiers count by their parts too: `parseHeaders` names "parse" and "headers".
  const parts = heading.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  const words: string[] = [
    ...(parts.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
    ...(heading.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []),
  ];
  const alike = (a: string, b: string) => a === b || (b.length >= 4 && a.startsWith(b));
  const found = terms.filter((term) => words.some((word) => alike(word, term) || alike(term, word)));
  return found.length / terms.length;
}
