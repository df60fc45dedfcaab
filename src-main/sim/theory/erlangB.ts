/**
 * Erlang B: the probability that an arrival finds all c servers busy in a loss
 * system (no waiting room) with offered load A = λ/μ Erlangs. Computed by the
 * recursion B_k = A·B_{k-1} / (k + A·B_{k-1}), which never overflows.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) {
    b = (offeredLoad * b) / (k + offeredLoad * b);
    // Past k = A the terms only shrink: once negligible, the rest cannot matter.
    if (k > offeredLoad && b < 1e-18) return 0;
  }
  return b;
}
