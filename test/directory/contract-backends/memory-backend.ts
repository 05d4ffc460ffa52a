/** The contract's backend on the in-memory directory: its MemoryAccounts play the server's part. */
import { randomBytes } from 'node:crypto';
import { MemoryAccounts } from '../../../src/directory/memory/memory-accounts';
import { MemoryDirectory } from '../../../src/directory/memory/memory-directory';
import { DEFAULT_MEMORY_POLICY } from '../../../src/directory/memory/memory-people';
import { contractTag } from '../directory-contract';
import type { ContractBackend, DirectoryOptions } from './contract-backend';
import { FakeClock } from '../../harness/fake-clock';

const PEOPLE_DN = 'ou=people,dc=uni,dc=example';
const SERVICE_ACCOUNTS_DN = 'ou=service-accounts,dc=uni,dc=example';
const DAY_MS = 24 * 60 * 60 * 1000;

export function memoryBackend(): ContractBackend {
  const accounts = new MemoryAccounts({ ...DEFAULT_MEMORY_POLICY }, new FakeClock());
  const account = (dn: string) => {
    const found = accounts.get(dn);
    if (!found) throw new Error(`no account ${dn}`);
    return found;
  };

  let groups = 0;

  return {
    peopleDn: PEOPLE_DN,
    tag: contractTag(),
    lockoutThreshold: DEFAULT_MEMORY_POLICY.lockoutThreshold,
    maxPasswordAgeMs: DEFAULT_MEMORY_POLICY.maxAgeDays * DAY_MS,

    directory: (options: DirectoryOptions = {}) =>
      new MemoryDirectory(accounts, { baseDn: options.baseDn ?? PEOPLE_DN, maxAccounts: options.maxAccounts, serviceBaseDn: SERVICE_ACCOUNTS_DN }),

    addAccount: async (spec, parentDn) => accounts.add(spec, parentDn ?? PEOPLE_DN),

    addServiceAccount: async (spec) => accounts.add({ ...spec, mail: spec.mail ?? '', givenName: '', sn: '' }, SERVICE_ACCOUNTS_DN),

    addContainer: async (name) => `ou=${name},${PEOPLE_DN}`,

    addEntryWithoutUsername: async (name, mail, linkValue) => accounts.add({
      username: '', dn: `cn=${name},${PEOPLE_DN}`, mail, linkValue,
      password: randomBytes(12).toString('hex'), givenName: name, sn: name,
    }, PEOPLE_DN),

    addGroup: async (members) => {
      groups += 1;
      return accounts.addGroup({ dn: `cn=group${groups},ou=groups,dc=uni,dc=example`, members });
    },

    setDisabled: async (dn, disabled) => {
      account(dn).disabled = disabled;
    },

    canBind: async (dn, password) => {
      const found = accounts.get(dn);
      return found !== undefined && accounts.bind(found, password) === 'ok';
    },

    passwordSetAt: async (dn) => account(dn).passwordSetAt,

    close: async () => undefined,
  };
}
