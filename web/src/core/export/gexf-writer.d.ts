// graphology-gexf's writer alone: its browser entry also loads the parser, which needs a
// DOMParser at load time (absent where unit tests run) and is not needed to write.
declare module 'graphology-gexf/common/writer.js' {
  import type { AbstractGraph } from 'graphology-types';
  export default function write(graph: AbstractGraph, options?: Record<string, unknown>): string;
}
