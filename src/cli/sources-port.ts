import { resolve } from 'node:path';
import type { Clock, SourceInfo, SourcesPort, Workspace } from '../commands/types.js';
import type { Config } from '../config.js';
import { systemClock } from '../scheduler/clock.js';
import { checkSourceUrl } from '../sources/feeds/check-source.js';
import type { SourceRecord, SourceScope } from '../sources/feeds/source-port.js';
import { createHttpGet } from '../sources/fetch/http-get.js';
import { createPoliteFetcher } from '../sources/fetch/polite-fetcher.js';
import type { Store } from '../store/store.js';

type SourcesConfig = Pick<Config, 'WIREBRIEF_SEEDS_DIR' | 'WIREBRIEF_USER_AGENT'>;

function scopeOf(workspace: Workspace): SourceScope {
  return `${workspace.platform}:${workspace.workspace}`;
}

/**
 * `/wirebrief sources` over the SourceStore: a workspace sees the seeds folder, the global sources and its own;
 * it adds and removes only its own.
 */
export function storeSourcesPort(store: Store, config: SourcesConfig, clock: Clock): SourcesPort {
  async function info(source: SourceRecord): Promise<SourceInfo> {
    const name = `${source.id}: ${source.title ?? source.location}`;
    const where = `${source.kind}${source.scope === 'global' ? ' (all workspaces)' : ''} ${source.location}`;
    if (source.kind === 'folder') return { name, detail: `${where}, watched` };
    const state = await store.getFetchState(source.location);
    if (state && state.failures > 0) return { name, detail: where, failing: { failures: state.failures, lastError: state.lastError ?? 'no reason recorded' } };
    return { name, detail: `${where}, ${state?.lastSuccessAt ? `fetched ${state.lastSuccessAt}` : 'not fetched yet'}` };
  }
  return {
    async list(workspace) {
      const seeds = resolve(config.WIREBRIEF_SEEDS_DIR);
      const stored = (await Promise.all(['global' as const, scopeOf(workspace)].map((scope) => store.listSources({ scope })))).flat();
      const seedsInfo: SourceInfo = { name: 'Seeds folder', detail: `${seeds} (${await store.countArticles()} articles stored in all)` };
      const others = await Promise.all(stored.filter((s) => !(s.kind === 'folder' && s.location === seeds)).map(info));
      return [seedsInfo, ...others];
    },
    async add(workspace, url) {
      // A fetcher of its own: adding is rare, and its fetch must not wait behind a poll pass's host gate.
      const get = createHttpGet({ userAgent: config.WIREBRIEF_USER_AGENT });
      try {
        const check = await checkSourceUrl(url, createPoliteFetcher({ get, clock: systemClock }));
        if (!check.ok) return check;
        const { added, source } = await store.addSource({ kind: check.kind, location: check.location, scope: scopeOf(workspace), ...(check.title ? { title: check.title } : {}) }, clock.now());
        return { ok: true, added, id: source.id, name: `${check.kind} ${source.title ?? source.location}`, preview: check.preview };
      } finally {
        await get.close();
      }
    },
    remove: (workspace, id) => store.removeSource(scopeOf(workspace), id),
  };
}
