import { startSlapd } from '../harness/slapd';
import { slapdBackend } from './contract-backends/slapd-backend';
import { describeDirectoryContract } from './directory-contract';

describeDirectoryContract('OpenLDAP (slapd)', async () => slapdBackend(await startSlapd()));
