export { extractQuotes, minQuoteWords } from './extract-quotes.js';
export type { QuoteSource } from './extract-quotes.js';
export { areNameVariants, speakerAliases, unifySpeakers } from './unify-speakers.js';
export type { SpeakerAliases } from './unify-speakers.js';
export { bestQuote, findQuotes } from './select-quotes.js';
