// A read thread of read-threads.ts. Plain JavaScript that registers tsx first: a worker does
// not inherit the parent's loader.
import { register } from 'tsx/esm/api';

register();
await import('./read-thread.ts');
