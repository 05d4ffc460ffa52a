import { type Client, InvalidCredentialsError } from 'ldapts';

/**
 * True when `password` binds as `dn` on a fresh client, false for wrong credentials; any other
 * failure is thrown. An empty password is false (it would be an anonymous bind, which succeeds).
 */
export async function canBindWith(client: Client, dn: string, password: string): Promise<boolean> {
  try {
    if (password === '') return false;
    await client.bind(dn, password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    throw error;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
