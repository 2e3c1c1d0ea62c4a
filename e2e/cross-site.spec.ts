import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures';
import { withAdmin } from './support/kafka-admin';
import { startAttackerSite } from './support/attacker-site';

// What another site can make a visitor's browser do to the console: nothing. The console under
// test has no sign-in (the loopback default), the worst case: no cookie stands in the way, only
// the console's origin, content-type and host checks. Every outcome is checked with kafkajs.

/** A raw request with a chosen Host header (fetch does not allow setting it). */
function withHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function attackPage(api: string, topic: string, group: string, stolen: string): string {
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  // A text/plain form sends `name=value`: the name is crafted so the body reads as JSON.
  const formJson = (body: object) => {
    const text = JSON.stringify({ ...body, pad: '' });
    return { name: text.slice(0, -2), value: '"}' };
  };
  const produce = formJson({ topic, value: 'form text/plain' });
  return `<!doctype html><html><body>
<iframe name="sink1"></iframe><iframe name="sink2"></iframe><iframe name="sink3"></iframe>
<form id="produce" method="POST" enctype="text/plain" action="${api}/produce" target="sink1"><input name='${produce.name}' value='${produce.value}'></form>
<form id="reset" method="POST" action="${api}/groups/${group}/reset-offsets" target="sink2"><input name="strategy" value="earliest"><input name="confirm" value="true"></form>
<form id="create" method="POST" action="${api}/topics" target="sink3"><input name="name" value="${stolen}-form"><input name="partitions" value="1"></form>
<iframe id="framed" src="${api.replace('/api/clusters/e2e', '')}/clusters/e2e/topics"></iframe>
<script>
window.attack = async () => {
  const api = ${json(api)};
  const plain = { mode: 'no-cors', method: 'POST', headers: { 'Content-Type': 'text/plain' } };
  const tries = [
    fetch(api + '/topics', { ...plain, body: ${json(JSON.stringify({ name: `${stolen}-fetch`, partitions: 1, replicationFactor: 1 }))} }),
    fetch(api + '/produce', { ...plain, body: ${json(JSON.stringify({ topic, value: 'no-cors fetch' }))} }),
    fetch(api + '/replay', { ...plain, body: ${json(JSON.stringify({ topic, source: { mode: 'offsets', partition: 0, from: 0, to: 1 }, target: { topic } }))} }),
    fetch(api + '/groups/${group}/reset-offsets', { ...plain, body: ${json(JSON.stringify({ scope: { type: 'all' }, strategy: { type: 'earliest' }, confirm: true }))} }),
    fetch(api + '/topics/${topic}', { method: 'DELETE', headers: { 'Content-Type': 'application/json' }, body: ${json(JSON.stringify({ confirm: topic }))} }),
    fetch(api + '/topics/${topic}/records', { ...plain, body: ${json(JSON.stringify({ scope: 'all', confirm: topic }))} }),
  ];
  const results = await Promise.allSettled(tries);
  const loads = ['sink1', 'sink2', 'sink3'].map((name) => new Promise((resolve) => document.querySelector('iframe[name=' + name + ']').addEventListener('load', resolve, { once: true })));
  for (const id of ['produce', 'reset', 'create']) document.getElementById(id).submit();
  await Promise.race([Promise.all(loads), new Promise((r) => setTimeout(r, 5000))]);
  return results.map((r) => r.status);
};
</script></body></html>`;
}

test('a page on another site cannot create, produce, replay, reset, purge or delete, nor frame the console', async ({ page, kafka, baseURL, uniqueName, pageErrors }) => {
  const topic = uniqueName('e2e-xsite');
  const group = uniqueName('e2e-xsite-group');
  const stolen = uniqueName('e2e-xsite-made');
  await withAdmin(kafka, (a) => a.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }] }));
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value: 'one' }, { value: 'two' }] });
  await producer.disconnect();
  await withAdmin(kafka, (a) => a.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '2' }] }));
  const before = {
    offsets: await withAdmin(kafka, (a) => a.fetchTopicOffsets(topic)),
    committed: await withAdmin(kafka, (a) => a.fetchOffsets({ groupId: group, topics: [topic] })),
  };

  const site = await startAttackerSite(attackPage(`${baseURL}/api/clusters/e2e`, topic, group, stolen));
  try {
    // On the attacker's page: the framed console is blocked by frame-ancestors, the DELETE fails
    // its CORS preflight, and the refused answers are withheld (Cross-Origin-Resource-Policy).
    pageErrors.allow(/^Framing '[^']+' violates the following Content Security Policy directive: "frame-ancestors 'none'"/);
    pageErrors.allow(/blocked by CORS policy/);
    pageErrors.allow(/Failed to load resource: (net::ERR_FAILED|net::ERR_BLOCKED_BY_RESPONSE\.NotSameOrigin|the server responded with a status of (403|415))/);
    await page.goto(site.url);
    const outcomes = await page.evaluate(() => (window as unknown as { attack(): Promise<string[]> }).attack());
    expect(outcomes).toHaveLength(6);
    await expect(page.frameLocator('#framed').getByTestId('nav-topics')).toHaveCount(0);
  } finally {
    await site.close();
  }

  const topics = await withAdmin(kafka, (a) => a.listTopics());
  expect(topics).toContain(topic);
  expect(topics.filter((t) => t.startsWith(stolen))).toEqual([]);
  expect(await withAdmin(kafka, (a) => a.fetchTopicOffsets(topic))).toEqual(before.offsets);
  expect(await withAdmin(kafka, (a) => a.fetchOffsets({ groupId: group, topics: [topic] }))).toEqual(before.committed);

  const audit = readFileSync(process.env.E2E_AUDIT_FILE!, 'utf8').split('\n').filter((l) => l.includes('"outcome":"refused"'));
  expect(audit.filter((l) => /cross_origin|another site|415|Content-Type/.test(l)).length).toBeGreaterThanOrEqual(5);
});

test('a request addressed to another host name is refused, pages and API alike', async ({ baseURL }) => {
  const page = await withHost(`${baseURL}/clusters/e2e/topics`, 'evil.example');
  expect(page.status).toBe(421);
  const api = await withHost(`${baseURL}/api/clusters/e2e/topics`, 'evil.example:80');
  expect(api.status).toBe(421);
  expect(JSON.parse(api.body).code).toBe('host_not_allowed');
  const own = await withHost(`${baseURL}/api/clusters`, new URL(baseURL!).host);
  expect(own.status).toBe(200);
});

test('every answer carries the security headers; the same-origin app still works', async ({ page, request, baseURL }) => {
  const html = await request.get(`${baseURL}/clusters/e2e`);
  const csp = html.headers()['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(html.headers()['x-content-type-options']).toBe('nosniff');
  expect(html.headers()['x-frame-options']).toBe('DENY');
  expect(html.headers()['referrer-policy']).toBe('same-origin');
  const api = await request.get(`${baseURL}/api/clusters/e2e/topics`);
  expect(api.headers()['cache-control']).toContain('no-store');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');

  await page.goto(`${baseURL}/clusters/e2e/topics`);
  await expect(page.getByTestId('nav-topics')).toBeVisible();
});
