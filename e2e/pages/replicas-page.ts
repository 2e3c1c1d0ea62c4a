import type { Locator, Page } from '@playwright/test';

const clusterBase = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}`;

export class ReplicasPage {
  constructor(readonly page: Page, readonly cluster: string) {}
  goto(search = '') {
    return this.page.goto(`${clusterBase(this.cluster)}/replicas${search}`);
  }
  problemRow(topic: string, partition: number): Locator {
    return this.page.getByTestId(`problem-row-${topic}-${partition}`);
  }
  get allInSync(): Locator {
    return this.page.getByTestId('replicas-all-in-sync');
  }
  get underReplicatedTile(): Locator {
    return this.page.getByTestId('replicas-under-replicated');
  }
  loadRow(broker: number): Locator {
    return this.page.getByTestId(`load-row-${broker}`);
  }
}
