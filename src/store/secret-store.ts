/** Small server secrets kept in the store (the key that hashes SMS codes). */
export interface SecretStore {
  /** The secret `name`, created once with `create` and kept; racing replicas all get the first value. */
  secret(name: string, create: () => string): Promise<string>;
}
