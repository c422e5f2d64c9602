import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Keeps shard `index` of `count` of the canonical tables loaded in DuckDB: the opportunities and touchpoints of the
 * accounts whose hash(account_id) falls in it (a touch's account is its contact's, else its own: spec 1). Journeys
 * never cross accounts (spec 3-4), and the upgrade bound P, the lookback and every sourcing link name deals of one
 * account, so each deal's journey, credits and CAR are computed whole in its shard. The other tables (accounts,
 * contacts, members, actions) are small and kept whole in every shard: identity resolution and the referral and
 * job-move links read across accounts. Additive figures then sum over the shards; path summaries sum path by path
 * before one solve (docs/warehouse.md).
 */
export async function keepShard(connection: DuckDBConnection, index: number, count: number): Promise<void> {
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 0 && index < count)) {
    throw new RangeError(`shard ${index} of ${count} does not exist`);
  }
  await connection.run(
    `DELETE FROM touchpoints WHERE hash(COALESCE(
       (SELECT c.account_id FROM contacts c WHERE c.contact_id = touchpoints.contact_id), touchpoints.account_id
     )) % $2 <> $1`,
    [index, count],
  );
  await connection.run('DELETE FROM opportunities WHERE hash(account_id) % $2 <> $1', [index, count]);
}
