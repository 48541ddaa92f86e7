// THE connector registry: one explicit list. Config validation, docs and the contract test all read it.
import type { ConnectorDefinition } from '../src/core/connector.ts';
import rss from './rss.ts';
import htmlPage from './html-page.ts';
import structuredData from './structured-data.ts';

export const connectors: readonly ConnectorDefinition[] = [rss, htmlPage, structuredData];

const byType = new Map<string, ConnectorDefinition>();
for (const c of connectors) {
  if (byType.has(c.type)) throw new Error(`connectors/index.ts: duplicate connector type "${c.type}"`);
  byType.set(c.type, c);
}

export function getConnector(type: string): ConnectorDefinition | undefined {
  return byType.get(type);
}

export const connectorTypes: readonly string[] = connectors.map((c) => c.type);
