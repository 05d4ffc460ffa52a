import { connectSamba } from '../harness/samba';
import { sambaBackend } from './contract-backends/samba-backend';
import { describeDirectoryContract } from './directory-contract';

describeDirectoryContract('Active Directory (Samba)', async () => sambaBackend(await connectSamba()));
