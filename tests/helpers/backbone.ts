// Helpers for the backbone tests: a temp dir, a minimal valid config text, a scripted test connector.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defineConnector, type ConnectorDefinition } from '../../src/core/connector.ts';
import type { RawItem } from '../../src/core/types.ts';
import { createLogger } from '../../src/log.ts';

export const silentLog = createLogger({ level: 'silent' });

export function tempDir(prefix = 'pw-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid config (fictional practice) followed by `sources` text. */
export function configText(sourcesYaml: string, extra = ''): string {
  return `practice:
  name: Maple Grove Family Medicine
  phones: ["(555) 010-4477"]
  addresses: ["1200 Maple Grove Ave, Springfield, IL 62704"]
  staff: [Tamsin Delacroix]
  providers: [Dr. Helena Okafor]
responder:
  name: Office Manager
  email: manager@maplegrove.example
alerts:
  console: true
${extra}sources:
${sourcesYaml}`;
}

export type Script = (n: number, signal: AbortSignal) => Promise<{ items: RawItem[]; notModified?: boolean }>;

/** A connector whose polls are scripted per source id (`scripts.get(id)`). */
export function scriptedConnector(scripts: Map<string, Script>): ConnectorDefinition {
  const configSchema = z.object({ label: z.string().default('x') }).strict();
  return defineConnector({
    type: 'scripted',
    title: 'Scripted (tests)',
    description: 'test only',
    configSchema,
    example: { label: 'x' },
    defaultSchedule: '*/5 * * * *',
    create(_config, ctx) {
      let n = 0;
      return {
        poll: ({ signal }) => {
          const s = scripts.get(ctx.sourceId);
          if (!s) throw new Error('no script');
          return s(++n, signal);
        },
      };
    },
  }) as unknown as ConnectorDefinition;
}

export function item(id: string, text: string, extra: Partial<RawItem> = {}): RawItem {
  return { externalId: id, kind: 'review', url: `http://127.0.0.1/r/${id}`, author: 'Jordan Pell', title: null, text, rating: 2, publishedAt: null, ...extra };
}
