/** M/M/1: the sojourn time is exponential with rate μ − λ. */
export interface Mm1Figures {
  utilisation: number;
  meanSojourn: number;
  meanWait: number;
  meanInSystem: number;
}

export function mm1(arrivalRate: number, serviceRate: number): Mm1Figures | null {
  const rho = arrivalRate / serviceRate;
  if (!(rho < 1)) return null;
  return {
    utilisation: rho,
    meanSojourn: 1 / (serviceRate - arrivalRate),
    meanWait: rho / (serviceRate - arrivalRate),
    meanInSystem: rho / (1 - rho),
  };
}

/** The p-quantile of the M/M/1 sojourn: −ln(1 − p) / (μ − λ). */
export function mm1SojournQuantile(arrivalRate: number, serviceRate: number, p: number): number | null {
  if (!(arrivalRate < serviceRate)) return null;
  return -Math.log(1 - p) / (serviceRate - arrivalRate);
}
