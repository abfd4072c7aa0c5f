import type { Command } from 'commander';
import { z } from 'zod';
import { StoryClusterer } from '../../core/stories/index.js';
import { transformJsonl } from '../jsonl-transform.js';

const articleLine = z.object({
  id: z.union([z.string().min(1), z.number()]),
  text: z.string(),
  published: z.string().optional(),
});

/** `wirebrief cluster`: JSONL articles in arrival order → their stories, with the clusterer the store uses. */
export function register(program: Command): void {
  program
    .command('cluster')
    .description('group JSONL articles into stories: each line {"id","text"[,"published"]} becomes {"id","story"}')
    .requiredOption('--input <file>', 'JSONL file of articles, in the order they arrived')
    .requiredOption('--output <file>', 'JSONL file to write, one {"id","story"} per article')
    .action(async (options: { input: string; output: string }) => {
      const clusterer = new StoryClusterer();
      await transformJsonl({
        command: 'wirebrief cluster',
        ...options,
        transform: (value) => {
          const article = articleLine.parse(value);
          return { id: article.id, story: clusterer.add({ ...article, id: String(article.id) }) };
        },
      });
    });
}
