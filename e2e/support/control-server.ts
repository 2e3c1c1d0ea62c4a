import { createServer } from 'node:http';
import type { DevCluster } from '@/lib/devcluster';

// Test workers run in other processes than the devcluster; they stop and start brokers, and turn
// automatic leader rebalancing off and on (so leaders stay where a failover put them), through this.
export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

export function startControlServer(cluster: DevCluster): Promise<ControlServer> {
  const server = createServer(async (req, res) => {
    const rebalance = /^\/leader-rebalance\/(on|off)$/.exec(req.url ?? '');
    if (req.method === 'POST' && rebalance) {
      cluster.setStaticBrokerConfig('auto.leader.rebalance.enable', rebalance[1] === 'on' ? null : 'false');
      // Back on, leaders return to their preferred replicas at once, as after Kafka's next imbalance check.
      cluster.reconcileAll();
      res.writeHead(204).end();
      return;
    }
    const match = /^\/brokers\/(\d+)\/(stop|start)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404).end();
      return;
    }
    try {
      const id = Number(match[1]);
      await (match[2] === 'stop' ? cluster.stopBroker(id) : cluster.startBroker(id));
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
