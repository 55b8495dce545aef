// The baseline: the smallest Hono app on @hono/node-server, run the same way as the real server
// (node --import tsx), so "search ÷ hello" measures what Gastplek adds on top of the framework.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('hello'));

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => {
  console.log(`hello listening on ${info.port}`);
});
