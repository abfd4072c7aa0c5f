import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meanRouge, scoreRouge, type RougeType } from '../../../src/core/rouge/score.js';

// The dev set lives beside the repository (research-use text, never copied into it).
const evalDir = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'eval');
const present = existsSync(join(evalDir, 'cnndm_dev.jsonl')) && existsSync(join(evalDir, 'lead3_dev_preds.jsonl'));

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
}

// The README's calibration table (P, R, F1 ×100) for lead3_dev_preds.jsonl.
const expected: Record<RougeType, readonly [number, number, number]> = {
  rouge1: [23.16, 47.89, 30.23],
  rouge2: [8.98, 19.38, 11.92],
  rougeL: [15.81, 32.91, 20.68],
  rougeLsum: [20.68, 42.72, 26.98],
};

describe('ROUGE calibration against rouge_score', () => {
  it.skipIf(!present)(`reproduces the Lead-3 table of ${evalDir}/README.md to ±0.01${present ? '' : ` (skipped: ${evalDir} not found)`}`, () => {
    const references = new Map(readJsonl<{ id: string; reference: string }>(join(evalDir, 'cnndm_dev.jsonl')).map((d) => [d.id, d.reference]));
    const predictions = readJsonl<{ id: string; summary: string }>(join(evalDir, 'lead3_dev_preds.jsonl'));
    expect(predictions).toHaveLength(500);
    const mean = meanRouge(predictions.map((p) => scoreRouge(references.get(p.id) ?? '', p.summary)));
    for (const [type, [precision, recall, f1]] of Object.entries(expected) as [RougeType, readonly [number, number, number]][]) {
      expect(Math.abs(mean[type].precision * 100 - precision), `${type} P`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(mean[type].recall * 100 - recall), `${type} R`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(mean[type].f1 * 100 - f1), `${type} F1`).toBeLessThanOrEqual(0.01);
    }
  });
});
