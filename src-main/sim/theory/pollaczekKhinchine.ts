/**
 * M/G/1 mean wait (Pollaczek-Khinchine): E[Wq] = ρ·E[S]·(1 + Cs²) / (2(1 − ρ)),
 * with Cs² = Var(S)/E[S]². Deterministic service (M/D/1) has Cs² = 0: half the
 * M/M/1 wait at the same utilisation.
 */
export function pollaczekKhinchineWait(arrivalRate: number, meanService: number, serviceScv: number): number | null {
  const rho = arrivalRate * meanService;
  if (!(rho < 1)) return null;
  return (rho * meanService * (1 + serviceScv)) / (2 * (1 - rho));
}
