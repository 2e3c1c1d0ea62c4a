// Which topics use a subject. Only the default TopicNameStrategy (`<topic>-key`, `<topic>-value`)
// can be read off a name; subjects named by RecordNameStrategy or TopicRecordNameStrategy do not
// say which topics carry them, so those topics are not listed.

export const USAGE_NOTE =
  'Topics are matched by the default naming (<topic>-key, <topic>-value). Subjects named after a record (RecordNameStrategy) cannot be matched to topics.';

/** The topic a subject names under TopicNameStrategy, when it exists in the cluster. */
export function topicsUsing(subject: string, topics: ReadonlySet<string>): string[] {
  const match = /^(.+)-(key|value)$/.exec(subject);
  return match && topics.has(match[1]) ? [match[1]] : [];
}
