// Payload generators for the demo topics: JSON with keys and headers, plain-text log lines,
// binary sensor frames and compacted profile updates with the odd tombstone, so a console has
// every kind of message to render.
import type { Random } from './random';

export interface DemoRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  timestamp?: number;
}

export type Generator = (rnd: Random, now: number) => DemoRecord;

const CITIES = [
  ['Berlin', 'DE'], ['Lisbon', 'PT'], ['Austin', 'US'], ['Osaka', 'JP'], ['Toronto', 'CA'],
  ['Lyon', 'FR'], ['Melbourne', 'AU'], ['Pune', 'IN'], ['Oslo', 'NO'], ['Bogotá', 'CO'],
] as const;
const SKUS = ['SKU-1001', 'SKU-1002', 'SKU-1140', 'SKU-2210', 'SKU-2307', 'SKU-3120', 'SKU-4404', 'SKU-5150', 'SKU-6001', 'SKU-7777'];
const CURRENCIES = [['EUR', 5], ['USD', 4], ['GBP', 2], ['JPY', 1]] as const;
const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Edsger', 'Radia', 'Yukihiro', 'Sophie'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Dijkstra', 'Perlman', 'Matsumoto', 'Wilson'];
const PAGES = ['/', '/search', '/products', '/products/sku-1140', '/products/sku-2307', '/cart', '/checkout', '/account', '/help/returns', '/blog/kafka-lag-explained'];
const AGENTS = ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148', 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0'];

const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const text = (s: string) => Buffer.from(s, 'utf8');
const header = (key: string, value: string | null) => ({ key, value: value === null ? null : text(value) });
const money = (rnd: Random, min: number, max: number) => Math.round((min + rnd.next() * (max - min)) * 100) / 100;
const customerId = (rnd: Random) => `cust-${rnd.int(1000, 1999)}`;
const userId = (rnd: Random) => `user-${rnd.int(1, 400)}`;

const orders: Generator = (rnd, now) => {
  const items = Array.from({ length: rnd.int(1, 4) }, () => ({ sku: rnd.pick(SKUS), quantity: rnd.int(1, 3), unitPrice: money(rnd, 4, 180) }));
  const [city, country] = rnd.pick(CITIES);
  const customer = customerId(rnd);
  const status = rnd.weighted([['CREATED', 6], ['PAID', 4], ['SHIPPED', 3], ['DELIVERED', 2], ['CANCELLED', 1]] as const);
  const value = {
    orderId: `ord-${rnd.hex(10)}`,
    customerId: customer,
    status,
    items,
    total: Math.round(items.reduce((s, i) => s + i.quantity * i.unitPrice, 0) * 100) / 100,
    currency: rnd.weighted(CURRENCIES),
    shippingAddress: { city, country },
    createdAt: new Date(now).toISOString(),
  };
  return {
    key: text(customer),
    value: json(value),
    headers: [
      header('content-type', 'application/json'),
      header('event-type', `Order${status[0]}${status.slice(1).toLowerCase()}`),
      header('trace-id', rnd.hex(32)),
      header('source', rnd.weighted([['web', 5], ['mobile-app', 4], ['pos', 1]] as const)),
    ],
  };
};

const payments: Generator = (rnd, now) => {
  const paymentId = `pay-${rnd.hex(12)}`;
  const method = rnd.weighted([['card', 7], ['paypal', 2], ['bank_transfer', 1], ['apple_pay', 2]] as const);
  return {
    key: text(paymentId),
    value: json({
      paymentId,
      orderId: `ord-${rnd.hex(10)}`,
      amount: money(rnd, 3, 950),
      currency: rnd.weighted(CURRENCIES),
      method,
      status: rnd.weighted([['AUTHORIZED', 5], ['CAPTURED', 8], ['DECLINED', 1], ['REFUNDED', 1]] as const),
      ...(method === 'card' ? { card: { brand: rnd.pick(['visa', 'mastercard', 'amex']), last4: String(rnd.int(1000, 9999)) } } : {}),
      processedAt: new Date(now).toISOString(),
    }),
    headers: [header('content-type', 'application/json'), header('idempotency-key', rnd.uuid())],
  };
};

const clickstream: Generator = (rnd, now) => {
  const session = rnd.hex(16);
  const line = [
    new Date(now).toISOString(),
    `session=${session}`,
    `user=${rnd.chance(0.7) ? userId(rnd) : 'anonymous'}`,
    `action=${rnd.weighted([['page_view', 8], ['click', 5], ['add_to_cart', 2], ['search', 2], ['checkout', 1]] as const)}`,
    `page=${rnd.pick(PAGES)}`,
    `referrer=${rnd.pick(['google', 'direct', 'newsletter', 'twitter', 'partner-site'])}`,
    `ua="${rnd.pick(AGENTS)}"`,
  ].join(' ');
  return { key: text(session), value: text(line), headers: [] };
};

/** Fixed-layout binary frame: what an embedded device would send (no JSON on the wire). */
const sensorReadings: Generator = (rnd, now) => {
  const sensor = rnd.int(1, 40);
  const frame = Buffer.alloc(40);
  frame.writeUInt16BE(2, 0); // frame format version
  frame.writeUInt16BE(sensor, 2);
  frame.writeBigInt64BE(BigInt(now), 4);
  frame.writeDoubleBE(rnd.gaussian(21 + (sensor % 7), 1.5), 12); // temperature °C
  frame.writeDoubleBE(Math.min(100, Math.max(0, rnd.gaussian(45, 8))), 20); // relative humidity %
  frame.writeFloatBE(rnd.gaussian(1013, 4), 28); // pressure hPa
  frame.writeUInt32BE(rnd.int(2900, 3300), 32); // battery mV
  frame.writeUInt32BE(rnd.int(0, 0xffffffff), 36); // device status bits
  return {
    key: text(`sensor-${String(sensor).padStart(3, '0')}`),
    value: frame,
    headers: [header('schema', 'sensor-frame-v2'), header('firmware', rnd.pick(['4.2.1', '4.2.3', '4.3.0']))],
  };
};

const userProfiles: Generator = (rnd, now) => {
  const id = userId(rnd);
  // Compacted topic: an occasional tombstone deletes the profile.
  if (rnd.chance(0.03)) return { key: text(id), value: null, headers: [header('op', 'delete')] };
  const first = rnd.pick(FIRST);
  const last = rnd.pick(LAST);
  const [city, country] = rnd.pick(CITIES);
  return {
    key: text(id),
    value: json({
      userId: id,
      name: `${first} ${last}`,
      email: `${first}.${last}@example.com`.toLowerCase(),
      plan: rnd.weighted([['free', 6], ['pro', 3], ['enterprise', 1]] as const),
      location: { city, country },
      preferences: { newsletter: rnd.chance(0.4), theme: rnd.pick(['light', 'dark', 'system']) },
      updatedAt: new Date(now).toISOString(),
    }),
    headers: [header('content-type', 'application/json'), header('op', 'upsert')],
  };
};

const auditLog: Generator = (rnd, now) => ({
  key: null,
  value: json({
    id: rnd.uuid(),
    at: new Date(now).toISOString(),
    actor: rnd.chance(0.2) ? 'system' : `${rnd.pick(FIRST).toLowerCase()}@example.com`,
    action: rnd.pick(['user.login', 'user.logout', 'role.grant', 'apikey.create', 'apikey.revoke', 'settings.update', 'export.download']),
    resource: rnd.pick(['org/acme', 'project/checkout', 'project/search', 'billing/invoices']),
    sourceIp: `10.${rnd.int(0, 40)}.${rnd.int(0, 255)}.${rnd.int(1, 254)}`,
    outcome: rnd.weighted([['success', 19], ['denied', 1]] as const),
  }),
  headers: [header('content-type', 'application/json'), header('producer', 'audit-gateway')],
});

const inventory: Generator = (rnd, now) => {
  const sku = rnd.pick(SKUS);
  return {
    key: text(`${sku}@wh-${rnd.int(1, 8)}`),
    value: json({ sku, warehouse: `wh-${rnd.int(1, 8)}`, onHand: rnd.int(0, 500), reserved: rnd.int(0, 40), at: now }),
    headers: [header('content-type', 'application/json')],
  };
};

const telemetry: Generator = (rnd, now) => {
  const host = `node-${String(rnd.int(1, 96)).padStart(2, '0')}.prod.internal`;
  return {
    key: text(host),
    value: json({
      host,
      ts: now,
      cpu: Math.round(rnd.next() * 1000) / 10,
      memUsedMb: rnd.int(900, 15800),
      load1: Math.round(rnd.next() * 800) / 100,
      netRxKbps: rnd.int(10, 90000),
      diskIops: rnd.int(0, 4000),
    }),
    headers: [header('content-type', 'application/json'), header('collector', 'telemetry-agent/1.9')],
  };
};

const deadLetters: Generator = (rnd, now) => {
  const inner = orders(rnd, now);
  return {
    key: inner.key,
    value: inner.value,
    headers: [
      ...inner.headers,
      header('x-original-topic', 'orders'),
      header('x-original-partition', String(rnd.int(0, 5))),
      header('x-exception', rnd.pick(['SchemaValidationException: total must be positive', 'TimeoutException: inventory-service did not answer in 5000 ms', 'DeserializationException: unexpected token at position 212'])),
    ],
  };
};

export const GENERATORS = {
  orders,
  payments,
  clickstream,
  sensorReadings,
  userProfiles,
  auditLog,
  inventory,
  telemetry,
  deadLetters,
} satisfies Record<string, Generator>;

export type GeneratorName = keyof typeof GENERATORS;
