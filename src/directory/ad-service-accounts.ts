import { PEOPLE_FILTER } from './ad-account';
import type { ServiceAccountSchema } from './owned-service-entries';

/**
 * Service accounts on Active Directory: user objects under the service base DN, owned through
 * `manager` by default (AD's schema does not allow `managedBy` on users). AD compares
 * DN-valued attributes as DNs (case and spacing do not matter).
 */
export const AD_SERVICE_ACCOUNTS: ServiceAccountSchema = {
  dnAttribute: 'distinguishedName',
  accountFilter: PEOPLE_FILTER,
};
