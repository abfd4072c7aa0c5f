export { summarizeArticles } from './summarize-articles.js';
export { summarizedSentences, type SummaryDoc } from './candidates.js';
export type { SummaryBudget } from './budget.js';
