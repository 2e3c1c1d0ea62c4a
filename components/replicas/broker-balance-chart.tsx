'use client';

import { BarChart } from '@/components/charts/bar-chart';
import type { BrokerLoad } from '@/lib/api/replicas';

/** Leaders and replicas per broker, with the even share as a line: imbalance shows at a glance. */
export function BrokerBalanceChart({ brokers }: { brokers: BrokerLoad[] }) {
  const online = brokers.filter((b) => b.online);
  const totalLeaders = brokers.reduce((n, b) => n + b.leaders, 0);
  const even = online.length ? totalLeaders / online.length : 0;
  const data = brokers.map((b) => ({ broker: `${b.id}${b.online ? '' : ' (offline)'}`, leaders: b.leaders, replicas: b.replicas, online: b.online }));
  return (
    <figure>
      <BarChart
        data={data}
        categoryKey="broker"
        series={{ leaders: { label: 'Leaders', color: '#0284c7' }, replicas: { label: 'Replicas', color: '#94a3b8' } }}
        reference={even > 0 ? { value: even } : undefined}
        highlight={(row) => (row.online ? undefined : '#dc2626')}
        height={240}
        testId="broker-balance-chart"
      />
      <figcaption className="mt-1 text-xs text-slate-500">
        <span className="border-b border-dashed border-slate-700">dashed line</span>: even leader share ({Math.round(even)} per online broker)
        {brokers.some((b) => !b.online) && <span className="ml-2 text-red-700">red: offline broker</span>}
      </figcaption>
    </figure>
  );
}
