import { PresenceFilter } from 'ldapts';
import type { ServiceAccountSchema } from './owned-service-entries';

/** A person owns few service accounts; more than this means a misconfigured owner attribute. */
const MAX_SERVICE_ACCOUNTS = 50;

/**
 * Service accounts on OpenLDAP: entries with a `uid` under the service base DN, owned through
 * `owner` by default. entryDN matching normalises the DN (case, spaces), as the server compares DNs.
 */
export const OPENLDAP_SERVICE_ACCOUNTS: ServiceAccountSchema = {
  dnAttribute: 'entryDN',
  accountFilter: new PresenceFilter({ attribute: 'uid' }),
  sizeLimit: { search: MAX_SERVICE_ACCOUNTS, find: 1 },
};
