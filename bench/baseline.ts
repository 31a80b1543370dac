// The throughput suite's baselines, each served by @hono/node-server in a process of its own:
//   node --import tsx bench/baseline.ts bare    GET /            → { ok: true, id: '…' }
//   node --import tsx bench/baseline.ts query   GET /people/:id  → one primary-key select
// `query` reads the bench database Tandem serves: BENCH_URL (node-postgres, a pool of 10, a named
// prepared statement) or BENCH_DATA_DIR (PGlite in this process, the data directory Tandem uses).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase } from '../src/server/platform/db/index.ts';

const PERSON_BY_ID = 'select id, first_name, last_name, email from person where id = $1';

const app = new Hono();
let close = async () => {};

if (process.argv[2] === 'bare') {
  app.get('/', (c) => c.json({ ok: true, id: '01933b5e-6f3a-7c1d-9e2b-4a5f6c7d8e9f' }));
} else if (process.argv[2] === 'query') {
  const url = process.env.BENCH_URL;
  const database = await openDatabase(url ? { databaseUrl: url, poolSize: 10 } : { dataDir: process.env.BENCH_DATA_DIR });
  close = () => database.close();
  const byId = database.pool
    ? async (id: string) => (await database.pool!.query({ name: 'person_by_id', text: PERSON_BY_ID, values: [id] })).rows[0]
    : // PGlite has no named statements: its `query` is one parse, bind and execute on the same thread.
      async (id: string) => (await database.pglite!.query(PERSON_BY_ID, [id])).rows[0];
  app.get('/people/:id', async (c) => {
    const row = await byId(c.req.param('id'));
    return row ? c.json(row) : c.json({ error: 'not found' }, 404);
  });
} else {
  throw new Error('Unknown baseline; use bare or query');
}

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
process.on('SIGTERM', () => {
  server.close();
  // PGlite writes its data directory back on close: Tandem opens the same one next.
  void close().finally(() => process.exit(0));
});
