import { AbsoluteSummarizerConfig, DefaultTextParser, NullLogger, SorensenDiceSimilarity, Summarizer } from 'ts-textrank';
import { runJsonl } from './jsonl-runner.js';

// ts-textrank as its README configures it: Sørensen-Dice similarity, damping 0.85, 3 sentences in text order.
const config = new AbsoluteSummarizerConfig(3, new SorensenDiceSimilarity(), new DefaultTextParser(), 0.85, Summarizer.SORT_OCCURENCE);
const summarizer = new Summarizer(config, new NullLogger());

await runJsonl((articles) => summarizer.summarize(articles.join('\n\n'), 'en'));
