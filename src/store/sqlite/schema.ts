import { articlesSchema } from './articles-schema.js';
import { deliveriesSchema } from './deliveries-schema.js';
import { sourcesSchema } from './sources-schema.js';
import { subscriptionsSchema } from './subscriptions-schema.js';

/**
 * Every area of the embedded store contributes its DDL here (idempotent: CREATE ... IF NOT EXISTS),
 * applied in order by openDatabase in one transaction.
 */
export const schemaParts: readonly string[] = [articlesSchema, subscriptionsSchema, deliveriesSchema, sourcesSchema];
