import { memoryBackend } from './contract-backends/memory-backend';
import { describeDirectoryContract } from './directory-contract';

describeDirectoryContract('the in-memory directory', async () => memoryBackend());
