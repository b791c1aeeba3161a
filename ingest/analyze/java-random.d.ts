// java-random (networkanalysis-ts's seeded generator, Java's LCG) ships no types.
declare module 'java-random' {
  export default class Random {
    constructor(seed?: number);
    nextDouble(): number;
    nextInt(bound?: number): number;
  }
}
