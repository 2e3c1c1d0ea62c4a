// The Avro record the schema tests encode: a long, a decimal, a timestamp and a nested record with a union.

export const orderSchema = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'id', type: 'string' }, { name: 'tier', type: ['null', 'string'] }] } },
  ],
};
