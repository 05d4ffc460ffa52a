import { MemoryStore } from '../../src/store/memory/memory-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('memory', async () => {
  const store = new MemoryStore();
  return { a: store, b: store };
});
