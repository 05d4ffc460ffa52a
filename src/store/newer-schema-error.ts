/** A store upgraded by a newer passdesk: an older build must not write into tables it does not understand. */
export class NewerSchemaError extends Error {
  constructor(found: number, known: number) {
    super(`DATABASE_URL: the database schema is version ${found}, newer than this passdesk build knows (${known}); ` +
      'run the newer passdesk that upgraded it, or restore the backup taken before the upgrade');
    this.name = 'NewerSchemaError';
  }
}
