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
  get offPreferred(): Locator {
    return this.page.getByTestId('off-preferred-summary');
  }
  get election(): { scope: Locator; topic: Locator; preview: Locator; plan: Locator; run: Locator; result: Locator } {
    const id = (name: string) => this.page.getByTestId(name);
    return { scope: id('election-scope'), topic: id('election-topic'), preview: id('election-preview'), plan: id('election-plan'), run: id('election-run'), result: id('election-result') };
  }
}
