// The traffic shape in words: each shape's name and line, and the peak request rate.
import type { TrafficShapeName, TrafficView } from '../../../src-main/api/contract';

export const shapeText: Record<TrafficShapeName, { label: string; line: string }> = {
  steady: { label: 'Steady', line: 'About the same number of users all the way through.' },
  morningSurge: { label: 'Morning surge', line: 'Quiet nights, then each morning users pile in over a short stretch and drift away again.' },
  flashSale: { label: 'Flash sale', line: 'Calm, then nearly everyone arrives at the same moment, then it drains away.' },
  diurnal: { label: 'Daily cycle', line: 'A slow rise to a daytime peak and a fall back overnight.' },
  spike: { label: 'Spike', line: 'A sudden jump well above the usual level, held for a while, then straight back down.' },
};

/** Users at the peak times each user's request rate. */
export function peakRequestsPerSec(traffic: Pick<TrafficView, 'peakUsers' | 'requestsPerUserPerSec'>): number {
  return traffic.peakUsers * traffic.requestsPerUserPerSec;
}
