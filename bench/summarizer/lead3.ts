import { splitSentences } from '../../src/core/sentences.js';
import { runJsonl } from './jsonl-runner.js';

// Lead-3 through our segmenter: the first three sentences of the first article.
await runJsonl((articles) => splitSentences(articles[0] ?? '').slice(0, 3).map((s) => s.text));
