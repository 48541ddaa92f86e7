// THE connector registry: adding a connector = one import + one array entry.
import type { ConnectorDefinition } from '../src/core/connector.ts';

export const connectors: readonly ConnectorDefinition[] = [];
