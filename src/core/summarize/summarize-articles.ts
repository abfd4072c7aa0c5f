import type { SummarySentence } from '../digest.js';
import type { SummaryBudget } from './budget.js';
import { buildCandidates, type SummaryDoc } from './candidates.js';
import { defaultImportanceWeights, importance } from './importance.js';
import { defaultSelectionWeights, selectSentences } from './select.js';
import { similarityMatrix } from './similarity.js';

/** The report published last, when at least two say when they were published (a tie goes by id, not input order). */
function newestDoc(docs: readonly SummaryDoc[]): number | undefined {
  let newest: number | undefined;
  let dated = 0;
  docs.forEach((doc, i) => {
    if (doc.published === undefined) return;
    dated++;
    const current = newest === undefined ? undefined : docs[newest]!;
    if (!current || doc.published > current.published! || (doc.published === current.published && doc.articleId > current.articleId)) newest = i;
  });
  return dated >= 2 ? newest : undefined;
}

/**
 * Extractive summary of one story told by one or more articles: the most important sentences that fit
 * the budget, no two saying the same thing, each an exact slice of its article with its provenance.
 * Sentences come back in reading order: by position in their article, leads first, then input order.
 */
export function summarizeArticles(docs: readonly SummaryDoc[], budget: SummaryBudget): SummarySentence[] {
  const { candidates, terms } = buildCandidates(docs);
  const similarity = similarityMatrix(candidates, terms);
  const scores = importance(candidates, similarity, defaultImportanceWeights);
  return selectSentences(candidates, terms, scores, similarity, budget, defaultSelectionWeights, newestDoc(docs))
    .sort((a, b) => a.position - b.position || a.doc - b.doc)
    .map((c) => ({ text: c.text, articleId: c.articleId, sentenceIndex: c.sentenceIndex }));
}
