import { SeededRandom } from '../../../bench/clustering/seeded-random.js';

export interface GeneratedDoc {
  readonly id: string;
  readonly text: string;
  readonly truth: string;
}

const syllables = ['ka', 'lo', 'mi', 'ran', 'tor', 'vel', 'zu', 'pe', 'dri', 'mon', 'sa', 'gre', 'bo', 'nix', 'tal', 'quo', 'fen', 'ri'];
const fillers = 'the officials said that on a day in the city there was a report about what happened and people talked about it with others who were there'.split(' ');

function word(rng: SeededRandom, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += rng.pick(syllables);
  return w;
}

/**
 * Synthetic news: each event has its own names (capitalised) and topic words; its reports draw different
 * sentences from them, padded with common words, so reports share vocabulary but hardly any sentence.
 */
export function generateArticles(events: number, reportsPerEvent: number, seed: number): GeneratedDoc[] {
  const rng = new SeededRandom(seed);
  const docs: GeneratedDoc[] = [];
  for (let e = 0; e < events; e++) {
    const names = Array.from({ length: 4 }, () => `${capitalise(word(rng, 2))} ${capitalise(word(rng, 3))}`);
    const topic = Array.from({ length: 14 }, () => word(rng, 3));
    for (let r = 0; r < reportsPerEvent; r++) {
      const sentences = Array.from({ length: 8 }, () => {
        const parts = [rng.pick(names), 'said', rng.pick(topic), rng.pick(fillers), rng.pick(topic), rng.pick(fillers), rng.pick(topic), rng.pick(fillers), rng.pick(names)];
        return `${parts.join(' ')}.`;
      });
      docs.push({ id: `e${e}r${r}`, text: sentences.join(' '), truth: `e${e}` });
    }
  }
  return rng.shuffle(docs);
}

function capitalise(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}
