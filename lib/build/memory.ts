/**
 * A full garbage collection between stages. `npm run build` starts node with `--expose-gc`;
 * without it (a test importing the build's modules) this does nothing.
 *
 * Why by hand: V8 sets the next collection's threshold from the heap it last saw live. After
 * the render that is Eleventy's 200 MB, so the checks' garbage would pile up to twice that
 * before anything is collected; collected once at the boundary, the live heap is ~80 MB.
 */
export function releaseMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
