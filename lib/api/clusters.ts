import { z } from 'zod';

// What the browser may know about a configured cluster: never credentials or key material.
export const clusterSummary = z.object({
  id: z.string(),
  name: z.string(),
  bootstrapServers: z.array(z.string()),
  readOnly: z.boolean(),
  embedded: z.boolean(),
  sasl: z.string().nullable(),
  tls: z.boolean(),
});
export type ClusterSummary = z.infer<typeof clusterSummary>;
