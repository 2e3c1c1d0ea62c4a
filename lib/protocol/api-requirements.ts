// The Kafka release that first served each admin API the console's cluster operations use, so a
// page on an older cluster can say what it needs instead of failing. From each API's KIP and the
// Kafka release notes; DescribeQuorum is answered by KRaft clusters only.

export const KAFKA_VERSION_INTRODUCING: Readonly<Record<string, string>> = {
  IncrementalAlterConfigs: '2.3',
  ElectLeaders: '2.2',
  AlterPartitionReassignments: '2.4',
  ListPartitionReassignments: '2.4',
  DescribeAcls: '0.11',
  CreateAcls: '0.11',
  DeleteAcls: '0.11',
  DescribeClientQuotas: '2.6',
  AlterClientQuotas: '2.6',
  DescribeUserScramCredentials: '2.7',
  AlterUserScramCredentials: '2.7',
  DescribeQuorum: '3.3 (KRaft)',
};

/** "ElectLeaders needs Kafka 2.2 or newer" — or a plain sentence for an API not in the table. */
export function kafkaVersionNeeded(apiName: string): string {
  const version = KAFKA_VERSION_INTRODUCING[apiName];
  return version ? `${apiName} needs Kafka ${version} or newer` : `${apiName} is not offered by this cluster's brokers`;
}
