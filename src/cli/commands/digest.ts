import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { digestJson } from '../../core/compose/digest-json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { digestComposer } from '../command-deps.js';
import { localChannel, openArchive, prepareStore } from '../local-digest.js';
import { openStoreFromConfig } from '../open-store.js';

interface DigestOptions {
  readonly json?: boolean;
  readonly out?: string;
  readonly topic?: string;
  readonly max?: string;
}

export function register(program: Command): void {
  program
    .command('digest')
    .description('compose a digest of the stored stories now, print it and archive it (.md + .json); an empty store ingests the seeds first')
    .option('--json', 'print JSON: {"stories":[{"id","headline","summary":[{"text","articleId"}],"sources":[{"name","articleId"}],"quote"?}]}')
    .option('--out <dir>', 'archive folder (default: WIREBRIEF_DIGESTS_DIR)')
    .option('--topic <words>', 'only stories about these comma-separated keywords or source:NAME')
    .option('--max <n>', 'at most this many stories (default: WIREBRIEF_MAX_STORIES)')
    .action(async (options: DigestOptions) => {
      const config = loadConfig();
      const maxStories = options.max === undefined ? config.WIREBRIEF_MAX_STORIES : Number(options.max);
      if (!Number.isInteger(maxStories) || maxStories < 1) throw new Error(`--max must be a whole number above 0 (got "${options.max}")`);
      const store = await openStoreFromConfig(config);
      try {
        const now = new Date();
        await prepareStore(store, config, now);
        const digest = await digestComposer(store).composeNow({ channel: localChannel, maxStories, now, ...(options.topic ? { topic: options.topic } : {}) });
        const archived = await openArchive(options.out ?? config.WIREBRIEF_DIGESTS_DIR).write(digest);
        process.stdout.write(options.json ? `${JSON.stringify(digestJson(digest), null, 2)}\n` : renderMarkdown({ type: 'digest', digest }));
        process.stderr.write(`archived ${archived.markdownPath} and ${archived.jsonPath}\n`);
      } finally {
        await store.close();
      }
    });
}
