// SPDX-License-Identifier: Apache-2.0
// The real ClickHouse server the opt-in tests use: CLITEL_CLICKHOUSE_URL (e.g.
// http://default:@127.0.0.1:8123/default), when it is set and answers a ping.
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';

/** The server URL from the environment, if set. */
export const CLICKHOUSE_URL: string | undefined = process.env.CLITEL_CLICKHOUSE_URL === '' ? undefined : process.env.CLITEL_CLICKHOUSE_URL;

/** Why the server tests are skipped, for the describe title. */
export const CLICKHOUSE_SKIP_REASON = `needs a ClickHouse server at CLITEL_CLICKHOUSE_URL${CLICKHOUSE_URL == null ? ', which is not set' : ''}`;

/** Whether CLITEL_CLICKHOUSE_URL is set and answers; when not, says on stderr that `what` is skipped and why. */
export async function clickhouseReachable(what: string): Promise<boolean> {
  let ok = false;
  if (CLICKHOUSE_URL != null) {
    const client = createClient({ url: CLICKHOUSE_URL, request_timeout: 3_000, log: { level: ClickHouseLogLevel.OFF } });
    try {
      ok = (await client.ping()).success;
    } finally {
      await client.close();
    }
  }
  if (!ok) console.warn(`skipping ${what}: it ${CLICKHOUSE_URL == null ? CLICKHOUSE_SKIP_REASON : `needs a ClickHouse server at CLITEL_CLICKHOUSE_URL, and ${CLICKHOUSE_URL.replace(/\/\/[^@/]*@/, '//')} does not answer`}`);
  return ok;
}
