// Confluent Schema Registry's error bodies: an HTTP status and a finer `error_code`.

export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const errors = {
  subjectNotFound: (s: string) => new RegistryError(404, 40401, `Subject '${s}' not found.`),
  versionNotFound: (v: number | string) => new RegistryError(404, 40402, `Version ${v} not found.`),
  schemaNotFound: (what = 'Schema not found') => new RegistryError(404, 40403, what),
  subjectSoftDeleted: (s: string) => new RegistryError(404, 40404, `Subject '${s}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (s: string) => new RegistryError(404, 40405, `Subject '${s}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (s: string, v: number) => new RegistryError(404, 40406, `Subject '${s}' Version ${v} was soft deleted.Set permanent=true to delete permanently`),
  versionNotSoftDeleted: (s: string, v: number) => new RegistryError(404, 40407, `Subject '${s}' Version ${v} was not deleted first before being permanently deleted`),
  subjectConfigNotFound: (s: string) => new RegistryError(404, 40408, `Subject '${s}' does not have subject-level compatibility configured`),
  subjectModeNotFound: (s: string) => new RegistryError(404, 40409, `Subject '${s}' does not have subject-level mode configured`),
  incompatible: (message: string) => new RegistryError(409, 409, message),
  invalidSchema: (message: string) => new RegistryError(422, 42201, message),
  invalidVersion: (v: string) => new RegistryError(422, 42202, `The specified version '${v}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`),
  invalidCompatibility: () => new RegistryError(422, 42203, 'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive'),
  invalidMode: (m: unknown) => new RegistryError(422, 42204, `Invalid mode ${String(m)}. Valid values are READWRITE, READONLY and IMPORT`),
  notPermitted: (message: string) => new RegistryError(422, 42205, message),
  referenceExists: (message: string) => new RegistryError(422, 42206, message),
  badRequest: (message: string) => new RegistryError(400, 400, message),
};
